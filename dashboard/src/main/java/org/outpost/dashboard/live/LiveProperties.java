package org.outpost.dashboard.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How app instances sharing one database show each other's news ({@code outpost.live.*}).
 *
 * @param pollInterval how often this instance reads what the others recorded; 0 turns the poll off
 *     (one instance alone needs none)
 * @param pollLimit rows read at most per poll (the rest come with the next)
 * @param gapGrace how long an id missing below one already seen is waited for: a transaction that
 *     took its id earlier can commit later; after this it counts as rolled back
 * @param retention rows older than this are deleted
 */
@ConfigurationProperties("outpost.live")
record LiveProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") int pollLimit,
        @DefaultValue("30s") Duration gapGrace,
        @DefaultValue("1h") Duration retention) {}
