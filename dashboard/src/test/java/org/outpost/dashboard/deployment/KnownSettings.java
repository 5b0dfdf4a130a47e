package org.outpost.dashboard.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the app reads: those its application.properties names
 * ({@code ${OUTPOST_DATA_DIR:./data}}), and the relaxed form ({@code OUTPOST_CRAWLER_THREADS}) of
 * every Outpost setting in docs/settings.md (which SettingsDocumentedTest keeps equal to the
 * properties records) and of every Spring Boot setting in the metadata of the jars on the class path.
 */
final class KnownSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(outpost\\.[a-z0-9.-]+)`", Pattern.MULTILINE);

    private final Set<String> variables;

    KnownSettings(Set<String> variables) {
        this.variables = Set.copyOf(variables);
    }

    static KnownSettings load() {
        Set<String> variables = new HashSet<>();
        Matcher placeholder =
                PLACEHOLDER.matcher(RepositoryFiles.read("dashboard/src/main/resources/application.properties"));
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }
        Matcher documented = DOCUMENTED.matcher(RepositoryFiles.read("docs/settings.md"));
        while (documented.find()) {
            variables.addAll(environmentForms(documented.group(1)));
        }
        for (String property : springBootProperties()) {
            variables.addAll(environmentForms(property));
        }
        return new KnownSettings(variables);
    }

    boolean reads(String variable) {
        return variables.contains(variable);
    }

    /** Spring's relaxed binding: dots become underscores, dashes are dropped (or, the legacy form, underscores). */
    static Set<String> environmentForms(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(java.util.List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    private static Set<String> springBootProperties() {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(
                    KnownSettings.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        names.add(property.path("name").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
