package org.outpost.dashboard.classify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topicsFile a topic definition file that replaces the bundled nine topics
 * @param gazetteerFile a gazetteer whose entries are added to the bundled one
 * @param rescoreHeartbeat how often a re-scoring run saves its progress (its heartbeat) for every
 *     instance to show
 * @param rescoreTimeout a run whose heartbeat is older than this belongs to an instance that
 *     stopped: it is shown failed, and a new run may start
 */
@ConfigurationProperties("outpost.classifier")
record ClassifierProperties(
        @Nullable String topicsFile,
        @Nullable String gazetteerFile,
        @DefaultValue("2s") Duration rescoreHeartbeat,
        @DefaultValue("30s") Duration rescoreTimeout) {}
