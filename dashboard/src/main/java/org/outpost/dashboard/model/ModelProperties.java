package org.outpost.dashboard.model;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cron when to train on a schedule (Spring cron, six fields); empty: only when an admin asks
 * @param autoSwitch whether a scheduled run switches its candidate on when it is not worse than the model in use
 * @param heartbeat how often a training run saves its progress for every instance to show
 * @param timeout a run whose heartbeat is older than this belongs to an instance that stopped
 */
@ConfigurationProperties("outpost.topics.training")
record ModelProperties(
        @DefaultValue("") String cron,
        @DefaultValue("false") boolean autoSwitch,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("2m") Duration timeout) {}
