package org.outpost.alerts.subscription;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.core.entity.EntityType;
import org.springframework.modulith.NamedInterface;

/**
 * A subscription's "first seen" alert: an entity of one of these types, named in none of the
 * articles of the {@code days} before, that articles of the subscription now name in at least
 * {@code sources} distinct sources. Only gazetteer entities exist in the index, so only they can be new.
 *
 * @param types in the order of {@link EntityType}, never empty
 */
@NamedInterface("subscription")
public record FirstSeen(List<EntityType> types, int days, int sources) {

    public static final int DEFAULT_DAYS = 90;
    public static final int DEFAULT_SOURCES = 2;
    public static final int MAX_DAYS = 730;
    public static final int MAX_SOURCES = 20;

    /**
     * The types one may ask for. Countries are left out: the gazetteer's few countries are all
     * named every week, and one that was not is hardly a new name.
     */
    public static final Set<EntityType> CHOICES =
            EnumSet.of(EntityType.PERSON, EntityType.ORG, EntityType.GROUP, EntityType.PLACE, EntityType.REGION);

    public FirstSeen {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a first-seen alert needs a type");
        }
    }

    /** The type keys, e.g. {@code ["person", "org"]}, as stored and as the API writes them. */
    public List<String> typeKeys() {
        return types.stream().map(EntityType::key).toList();
    }

    /** Null when no type is chosen (the alert is off); days and sources then need no value. */
    static @Nullable FirstSeen validate(
            @Nullable List<String> typeKeys, @Nullable Integer days, @Nullable Integer sources) {
        List<String> keys = typeKeys == null
                ? List.of()
                : typeKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        if (keys.isEmpty()) {
            return null;
        }
        EnumSet<EntityType> chosen = EnumSet.noneOf(EntityType.class);
        for (String key : keys) {
            EntityType type;
            try {
                type = EntityType.ofKey(key);
            } catch (IllegalArgumentException e) {
                type = null;
            }
            if (type == null || !CHOICES.contains(type)) {
                String shown = key.length() > 20 ? key.substring(0, 20) + "…" : key;
                throw new InvalidSubscriptionException("firstSeenTypes", "firstSeenType", shown);
            }
            chosen.add(type);
        }
        int d = days == null ? DEFAULT_DAYS : days;
        if (d < 1 || d > MAX_DAYS) {
            throw new InvalidSubscriptionException("firstSeenDays", "firstSeenDays", String.valueOf(MAX_DAYS));
        }
        int s = sources == null ? DEFAULT_SOURCES : sources;
        if (s < 1 || s > MAX_SOURCES) {
            throw new InvalidSubscriptionException("firstSeenSources", "firstSeenSources", String.valueOf(MAX_SOURCES));
        }
        return new FirstSeen(new ArrayList<>(chosen), d, s);
    }
}
