package org.outpost.dashboard.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every property Outpost binds is in docs/settings.md, and nothing there that none binds. */
class SettingsDocumentedTest {

    private static final Path SETTINGS = Path.of("..", "docs", "settings.md");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(outpost\\.[a-z0-9.-]+)`", Pattern.MULTILINE);

    @Test
    void everyBoundPropertyIsDocumented() throws IOException {
        Set<String> bound = boundProperties();
        // the records of crawler, alerts and dashboard, not an empty scan
        assertThat(bound)
                .contains(
                        "outpost.crawler.connect-timeout",
                        "outpost.alerts.max-attempts",
                        "outpost.reports.threads",
                        "outpost.elasticsearch.embedded.heap",
                        "outpost.data-dir");

        Set<String> documented = documented();
        assertThat(bound).as("properties bound but missing from " + SETTINGS).isSubsetOf(documented);
        assertThat(documented)
                .as("properties in " + SETTINGS + " that nothing binds")
                .isSubsetOf(bound);
    }

    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher row = DOCUMENTED.matcher(Files.readString(SETTINGS));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static Set<String> boundProperties() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition found : scan.findCandidateComponents("org.outpost")) {
            Class<?> type = load(found.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            names.addAll(properties(prefix, type));
        }
        return names;
    }

    /** The record's components in kebab case; a nested Outpost record is a group of its own. */
    private static List<String> properties(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord() && value.getName().startsWith("org.outpost.")) {
                names.addAll(properties(name, value));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
