package org.outpost.core.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a local Elasticsearch node.
 *
 * @param distribution the Elasticsearch zip, as Maven resolved it (see {@link DistributionLocator})
 * @param rootDir folder that holds the node's home, config, data and logs
 * @param httpPort HTTP port on loopback; 0 picks a free one
 * @param heap JVM heap, e.g. {@code 512m}
 * @param startTimeout how long to wait for the cluster to report health
 * @param runAsUser the unprivileged user the node runs as when this process is root
 */
public record LocalNodeSettings(
        Path distribution, Path rootDir, int httpPort, String heap, Duration startTimeout, String runAsUser) {

    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final String DEFAULT_RUN_AS_USER = "nobody";

    public LocalNodeSettings {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(rootDir, "rootDir");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0 (any free port) or 1-65535, was " + httpPort);
        }
        if (!heap.matches("\\d+[kKmMgG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, was '" + heap + "'");
        }
    }

    /** Defaults for everything but the distribution and the folder. */
    public static LocalNodeSettings of(Path distribution, Path rootDir) {
        return new LocalNodeSettings(
                distribution, rootDir, 0, DEFAULT_HEAP, DEFAULT_START_TIMEOUT, DEFAULT_RUN_AS_USER);
    }

    public LocalNodeSettings withHttpPort(int port) {
        return new LocalNodeSettings(distribution, rootDir, port, heap, startTimeout, runAsUser);
    }

    public LocalNodeSettings withHeap(String value) {
        return new LocalNodeSettings(distribution, rootDir, httpPort, value, startTimeout, runAsUser);
    }

    public LocalNodeSettings withStartTimeout(Duration value) {
        return new LocalNodeSettings(distribution, rootDir, httpPort, heap, value, runAsUser);
    }
}
