package org.outpost.core.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of entity the gazetteer knows, each with the key used in the gazetteer file and in typed names. */
public enum EntityType {
    COUNTRY("country"),
    REGION("region"),
    PLACE("place"),
    ORG("org"),
    GROUP("group"),
    PERSON("person");

    private final String key;

    EntityType(String key) {
        this.key = key;
    }

    /** The key of this type in the gazetteer file and in {@link Entity#typed()}, e.g. {@code "org"}. */
    public String key() {
        return key;
    }

    /**
     * The type with this key, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for a key no type has
     */
    public static EntityType ofKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        for (EntityType type : values()) {
            if (type.key.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown entity type '" + key + "' (expected one of " + keys() + ")");
    }

    static String keys() {
        return Arrays.stream(values()).map(EntityType::key).collect(Collectors.joining(", "));
    }
}
