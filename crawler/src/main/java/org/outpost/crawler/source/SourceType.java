package org.outpost.crawler.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/** How a source lists its articles. */
@NamedInterface("source")
public enum SourceType {
    RSS,
    ATOM,
    SITEMAP,
    HTML,
    FOLDER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isRemote() {
        return this != FOLDER;
    }

    public static SourceType of(String value) {
        for (SourceType type : values()) {
            if (type.key().equalsIgnoreCase(value.strip())) {
                return type;
            }
        }
        throw new InvalidSourceException(
                "type",
                "source.type.unknown",
                value,
                Arrays.stream(values()).map(SourceType::key).collect(Collectors.joining(", ")));
    }
}
