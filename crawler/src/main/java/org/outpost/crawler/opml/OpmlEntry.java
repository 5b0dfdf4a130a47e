package org.outpost.crawler.opml;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.source.InvalidSourceException;
import org.outpost.crawler.source.SourceDefinition;

/**
 * One source an OPML file lists, and what importing it does.
 *
 * @param definition what would be added, as the file gives it
 * @param status {@link Status#NEW} is added by an import; the others are left alone
 * @param field the field at fault (invalid) or {@code url} (present)
 * @param reasonKey why it is invalid or present: a key of the crawler's bundle, read by {@link #reason}
 * @param existingId the source already there (present), or the one an import added (new)
 */
public record OpmlEntry(
        SourceDefinition definition,
        Status status,
        @Nullable String field,
        @Nullable String reasonKey,
        List<String> reasonArguments,
        @Nullable Long existingId) {

    public enum Status {
        /** Valid and not there yet: an import adds it. */
        NEW,
        /** A source with this address is there already. */
        PRESENT,
        /** Cannot be added as it is: the reason says why. */
        INVALID
    }

    public OpmlEntry {
        reasonArguments = List.copyOf(reasonArguments);
    }

    static OpmlEntry fresh(SourceDefinition definition) {
        return new OpmlEntry(definition, Status.NEW, null, null, List.of(), null);
    }

    static OpmlEntry present(SourceDefinition definition, long id, String name) {
        return new OpmlEntry(definition, Status.PRESENT, "url", "source.opml.present", List.of(name), id);
    }

    static OpmlEntry invalid(SourceDefinition definition, InvalidSourceException e) {
        return new OpmlEntry(
                definition,
                Status.INVALID,
                e.field(),
                e.key(),
                e.arguments().stream().map(String::valueOf).toList(),
                null);
    }

    /** The same entry once added, with the new source's id. */
    public OpmlEntry added(long id) {
        return new OpmlEntry(definition, status, field, reasonKey, reasonArguments, id);
    }

    /** Why it is invalid or present, in English or Russian; {@code null} for a new entry. */
    public @Nullable String reason(Locale locale) {
        return reasonKey == null || field == null
                ? null
                : new InvalidSourceException(field, reasonKey, reasonArguments.toArray()).message(locale);
    }
}
