package org.outpost.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;

/**
 * What a first-seen message says: the entity, how long it had gone unnamed, its first article,
 * the sources naming it now and its first articles. Stored as JSON on the delivery.
 *
 * @param entity the typed name, e.g. {@code person:Ivan Petrov}
 * @param type the type key, e.g. {@code person}
 * @param name the canonical name, e.g. {@code Ivan Petrov}
 * @param days days before its first article in which no article named it
 * @param sources distinct sources naming it
 * @param sourceNames some of them, by name
 * @param mentions articles naming it so far (copies included)
 * @param first its first article's date
 * @param articles its first articles, oldest first
 */
public record FirstSeenDetail(
        String entity,
        String type,
        String name,
        int days,
        long sources,
        List<String> sourceNames,
        long mentions,
        Instant first,
        List<Story> articles) {

    /**
     * The name a reader of this language knows it by: the gazetteer's display name ("Мухиддин
     * Кабири" in Russian), else the canonical name.
     */
    public String displayName(java.util.Locale locale) {
        return org.outpost.core.entity.Gazetteer.defaults().displayName(entity, locale);
    }

    /** The width of {@code alert_delivery.detail}. */
    static final int MAX_JSON = 8000;

    /** As JSON that fits the column: the last articles are left out while it would not. */
    public String toJson() {
        try {
            FirstSeenDetail d = this;
            String json = MessageRenderer.JSON.writeValueAsString(d);
            while (json.length() > MAX_JSON && !d.articles.isEmpty()) {
                d = new FirstSeenDetail(
                        entity,
                        type,
                        name,
                        days,
                        sources,
                        sourceNames,
                        mentions,
                        first,
                        d.articles.subList(0, d.articles.size() - 1));
                json = MessageRenderer.JSON.writeValueAsString(d);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FirstSeenDetail fromJson(String json) {
        try {
            return MessageRenderer.JSON.readValue(json, FirstSeenDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable first-seen detail: " + json, e);
        }
    }
}
