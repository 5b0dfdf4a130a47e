package org.outpost.core.entity;

import java.util.Objects;

/**
 * One place in a text where an entity is named.
 *
 * @param entity the entity named
 * @param start  the offset of the first character of the matched text (a UTF-16 index into the tagged text)
 * @param end    the offset just past the matched text, so that {@code text.substring(start, end)} is {@link #text()}
 * @param text   the text as written, e.g. {@code "Rakhmonov"} or {@code "U.S."}; a possessive "'s" is not part of it
 */
public record Mention(Entity entity, int start, int end, String text) {

    public Mention {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mention offsets " + start + ".." + end);
        }
    }
}
