package org.outpost.dashboard.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Flyway version scheme of docs/database.md: each module's migrations in {@code
 * db/migration/<module>/} (and {@code db/vendor/<vendor>/<module>/}), versioned {@code
 * V<n>.<module number>}, so two modules never take the same version; V1 to V8, applied before
 * the scheme, keep their names.
 */
class MigrationVersionsTest {

    /** The module numbers, in the order of the root pom's modules. */
    static final Map<String, Integer> MODULES =
            Map.of("core", 1, "seeds", 2, "crawler", 3, "alerts", 4, "dashboard", 5, "benchmarks", 6);

    /** Applied on existing databases before the scheme: renaming one would break Flyway's validation. */
    static final Map<String, String> BEFORE_THE_SCHEME = Map.of(
            "1",
            "dashboard",
            "2",
            "crawler",
            "3",
            "crawler",
            "4",
            "alerts",
            "5",
            "alerts",
            "6",
            "dashboard",
            "8",
            "alerts");

    private static final Pattern FILE =
            Pattern.compile(".*/db/(?:migration|vendor/([a-z0-9]+))/([a-z]+)/V([0-9._]+)__[a-z0-9_]+\\.sql");
    private static final Pattern SCHEME = Pattern.compile("([1-9][0-9]*)\\.([1-9])");

    @Test
    void everyMigrationIsInItsModulesFolderWithAVersionOnlyThatModuleUses() throws IOException {
        List<String> files = migrations();
        assertThat(files)
                .as("the scan finds the crawler's, alerts' and dashboard's migrations")
                .hasSizeGreaterThanOrEqualTo(8);

        // a vendor's variants (H2, PostgreSQL) are one migration: versions are counted per vendor
        Map<String, String> owner = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            Matcher m = FILE.matcher(file);
            if (!m.matches()) {
                problems.add(file + ": not db/migration/<module>/V<version>__<description>.sql (lower case)");
                continue;
            }
            String vendor = m.group(1) == null ? "" : m.group(1);
            String module = m.group(2);
            String version = m.group(3).replace('_', '.');
            if (!MODULES.containsKey(module)) {
                problems.add(file + ": folder " + module + " is not a module (" + MODULES.keySet() + ")");
                continue;
            }
            if (BEFORE_THE_SCHEME.containsKey(version)) {
                if (!BEFORE_THE_SCHEME.get(version).equals(module)) {
                    problems.add(file + ": V" + version + " belongs to " + BEFORE_THE_SCHEME.get(version));
                }
            } else {
                Matcher v = SCHEME.matcher(version);
                if (!v.matches() || Integer.parseInt(v.group(1)) < 9) {
                    problems.add(file + ": a new version is V<n>.<module number> with n >= 9, e.g. V9."
                            + MODULES.get(module));
                } else if (Integer.parseInt(v.group(2)) != MODULES.get(module)) {
                    problems.add(file + ": " + module + "'s versions end in ." + MODULES.get(module));
                }
            }
            for (String vendorOf : vendor.isEmpty() ? List.of("h2", "postgresql") : List.of(vendor)) {
                String earlier = owner.putIfAbsent(vendorOf + " " + normalised(version), file);
                if (earlier != null) {
                    problems.add(file + ": version " + version + " is also " + earlier);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Flyway reads 9.3, 9.03 and 9_3 as one version. */
    private static String normalised(String version) {
        StringBuilder out = new StringBuilder();
        for (String part : version.split("\\.")) {
            out.append(out.isEmpty() ? "" : ".").append(new java.math.BigInteger(part));
        }
        return out.toString().replaceAll("(\\.0)+$", "");
    }

    private static List<String> migrations() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<String> files = new ArrayList<>();
        for (String pattern : List.of("classpath*:db/migration/**/*.sql", "classpath*:db/vendor/**/*.sql")) {
            for (Resource resource : resolver.getResources(pattern)) {
                files.add(resource.getURL().toString());
            }
        }
        return files;
    }
}
