package org.outpost.core.index;

import java.time.Duration;

/**
 * How the article indices are laid out on the cluster; read when a period's index is created (through the index
 * template), and replicas and refresh interval also applied to the existing indices at start.
 *
 * @param shards primary shards per period index
 * @param replicas copies of each shard; 0 on a single node (a replica could never be assigned there)
 * @param refreshInterval how soon a written article becomes searchable
 * @param partition the period one index holds
 */
public record IndexSettings(int shards, int replicas, Duration refreshInterval, IndexPartition partition) {

    public static final IndexSettings DEFAULTS = new IndexSettings(1, 0, Duration.ofSeconds(1), IndexPartition.MONTH);

    public IndexSettings {
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive: " + refreshInterval);
        }
    }

    String refreshIntervalValue() {
        return refreshInterval.toMillis() + "ms";
    }
}
