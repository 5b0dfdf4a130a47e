package org.outpost.core.index;

/** A value of a field (an entity, a source, a term) and how many articles have it. */
public record TermCount(String term, long count) {}
