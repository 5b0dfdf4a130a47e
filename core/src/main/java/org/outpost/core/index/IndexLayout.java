package org.outpost.core.index;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The names of one mapping version's indices behind a read alias: the index template {@code <alias>-v<N>}, the period
 * indices {@code <alias>-v<N>-2026.12} it creates (pattern {@code <alias>-v<N>-*}), and the single index
 * {@code <alias>-v<N>} that Outpost created before indices were partitioned (the legacy index, still read and
 * written in place).
 */
record IndexLayout(String alias, int version, IndexPartition partition) {

    /** The template's name, and the name of the single index of earlier builds. */
    String prefix() {
        return alias + "-v" + version;
    }

    String pattern() {
        return prefix() + "-*";
    }

    String legacyIndex() {
        return prefix();
    }

    /** The concrete index holding articles dated at this instant. */
    String indexFor(Instant dated) {
        return prefix() + "-" + partition.suffix(dated);
    }

    /** Whether the index is one of this version's (period or legacy). */
    boolean owns(String index) {
        return index.equals(legacyIndex()) || index.startsWith(prefix() + "-");
    }

    /** When the period of one of this version's period indices ends; empty for the legacy index. */
    Optional<Instant> periodEnd(String index) {
        if (!index.startsWith(prefix() + "-")) {
            return Optional.empty();
        }
        return IndexPartition.endOf(index.substring(prefix().length() + 1));
    }

    /** The mapping version an index behind this alias was built with: {@code <alias>-v<N>} or {@code <alias>-v<N>-…}. */
    static OptionalInt versionOf(String alias, String index) {
        String head = alias + "-v";
        if (!index.startsWith(head)) {
            return OptionalInt.empty();
        }
        String rest = index.substring(head.length());
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < rest.length() && rest.charAt(end) != '-')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(rest.substring(0, end)));
    }
}
