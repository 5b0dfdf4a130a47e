package org.outpost.core.index;

import java.util.List;

/** Counts per facet value among a search's matches: topic labels, sources, entities, languages. */
public record Facets(
        List<TermCount> topics, List<TermCount> sources, List<TermCount> entities, List<TermCount> languages) {}
