package org.outpost.dashboard.classify;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topicsFile a topic definition file that replaces the bundled nine topics
 * @param gazetteerFile a gazetteer whose entries are added to the bundled one
 */
@ConfigurationProperties("outpost.classifier")
record ClassifierProperties(
        @Nullable String topicsFile, @Nullable String gazetteerFile) {}
