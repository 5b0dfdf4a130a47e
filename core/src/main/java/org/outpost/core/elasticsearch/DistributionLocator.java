package org.outpost.core.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Finds the Elasticsearch distribution that Maven resolved for the build
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}), so nothing is
 * downloaded by hand and the version is the one the build pins.
 */
public final class DistributionLocator {

    /** The node version the build resolves; keep in step with {@code elasticsearch-node.version} in the POM. */
    public static final String VERSION = "8.19.21";

    private static final String RELATIVE = "org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + VERSION
            + "/elasticsearch-" + VERSION + ".zip";

    private DistributionLocator() {}

    /**
     * The configured zip if given, else the one in the local Maven repository.
     *
     * @throws IllegalStateException naming the path looked at and how to get the zip
     */
    public static Path locate(@Nullable String configured) {
        Path candidate = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : localRepository().resolve(RELATIVE);
        if (!Files.isRegularFile(candidate)) {
            throw new IllegalStateException("Elasticsearch distribution not found at " + candidate
                    + ". Build once with ./mvnw -q -DskipTests package (it resolves the zip from Maven Central), "
                    + "or set OUTPOST_ELASTICSEARCH_URL to use an existing cluster.");
        }
        return candidate;
    }

    static Path localRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("MAVEN_REPO_LOCAL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
