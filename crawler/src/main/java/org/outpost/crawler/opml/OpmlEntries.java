package org.outpost.crawler.opml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outpost.crawler.source.InvalidSourceException;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

/** Sorts what a file lists into new, already present (same address) and invalid (with the reason). */
public final class OpmlEntries {

    private OpmlEntries() {}

    /**
     * @param check validates a definition and the editor's right to add it; throws {@link
     *     InvalidSourceException} with the reason
     */
    public static OpmlPreview classify(
            List<SourceDefinition> listed,
            List<Source> existing,
            Function<SourceDefinition, SourceDefinition.Valid> check) {
        Map<String, Source> byAddress =
                existing.stream().collect(Collectors.toMap(s -> key(s.url()), s -> s, (a, b) -> a));
        Set<String> names = existing.stream().map(Source::name).collect(Collectors.toCollection(HashSet::new));
        Set<String> seen = new HashSet<>();
        List<OpmlEntry> entries = new ArrayList<>();
        for (SourceDefinition definition : listed) {
            SourceDefinition.Valid valid;
            try {
                if (definition.url() == null) {
                    throw new InvalidSourceException("url", "source.opml.noAddress");
                }
                valid = check.apply(definition);
            } catch (InvalidSourceException e) {
                entries.add(OpmlEntry.invalid(definition, e));
                continue;
            }
            Source there = byAddress.get(key(valid.url()));
            if (there != null) {
                entries.add(OpmlEntry.present(definition, there.id(), there.name()));
            } else if (!seen.add(key(valid.url()))) {
                entries.add(OpmlEntry.invalid(definition, new InvalidSourceException("url", "source.opml.twice")));
            } else if (!names.add(valid.name())) {
                entries.add(OpmlEntry.invalid(
                        definition, new InvalidSourceException("name", "source.name.exists", valid.name())));
            } else {
                entries.add(OpmlEntry.fresh(definition));
            }
        }
        return new OpmlPreview(entries);
    }

    /** Addresses compare without case and without a trailing slash: the same feed written two ways. */
    private static String key(String url) {
        String k = url.strip().toLowerCase(Locale.ROOT);
        return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
    }
}
