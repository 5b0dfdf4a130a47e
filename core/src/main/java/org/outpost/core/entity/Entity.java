package org.outpost.core.entity;

import java.util.Objects;

/**
 * One entity of the gazetteer, by its type and canonical name: every alias the gazetteer lists for it folds to this.
 *
 * @param type the kind of entity
 * @param name the canonical name, e.g. {@code "Emomali Rahmon"} for a text that says "Rakhmonov"
 */
public record Entity(EntityType type, String name) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("entity name is blank");
        }
    }

    /** The type key and the name, e.g. {@code "org:CSTO"} or {@code "country:Tajikistan"}. */
    public String typed() {
        return type.key() + ":" + name;
    }

    @Override
    public String toString() {
        return typed();
    }
}
