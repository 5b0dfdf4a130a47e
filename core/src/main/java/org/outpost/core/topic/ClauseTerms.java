package org.outpost.core.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The terms a clause is made of, so that scoring can skip a clause whose terms are all absent
 * from the article: most of the ~160 clause queries match nothing in a given article, and
 * building a weight and iterating matches for each was a third of the crawler's CPU. A clause
 * with a wildcard, fuzzy or other term-pattern part is always evaluated in full.
 */
final class ClauseTerms {

    /** The clause's term texts by field, as strings: their hash is computed once, not on every lookup. */
    private final Map<String, List<String>> terms;

    private final boolean exact;

    private ClauseTerms(Map<String, List<String>> terms, boolean exact) {
        this.terms = terms;
        this.exact = exact;
    }

    static ClauseTerms of(Query query) {
        List<Term> terms = new ArrayList<>();
        boolean[] patterns = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                terms.addAll(List.of(found));
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                patterns[0] = true;
            }

            @Override
            public void visitLeaf(Query q) {
                patterns[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // prohibited terms included too: only ever makes the check say "may match" more often
                return this;
            }
        });
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Term term : terms) {
            byField.computeIfAbsent(term.field(), f -> new ArrayList<>()).add(term.text());
        }
        byField.replaceAll((field, texts) -> List.copyOf(new LinkedHashSet<>(texts)));
        return new ClauseTerms(Map.copyOf(byField), !patterns[0]);
    }

    /** True when the clause is made of plain terms only, so its rewritten form does not depend on the text. */
    boolean exact() {
        return exact;
    }

    /**
     * False only when the clause cannot match: it is made of plain terms and none is among the
     * text's terms ({@code present}: a field's terms, read once per text; seeking each clause term
     * in the index instead cost as much as the clauses it skipped).
     */
    boolean mayMatch(Function<String, Set<String>> present) {
        if (!exact) {
            return true;
        }
        for (Map.Entry<String, List<String>> field : terms.entrySet()) {
            Set<String> there = present.apply(field.getKey());
            for (String term : field.getValue()) {
                if (there.contains(term)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every term of a field of a one-document index. */
    static Set<String> termsOf(LeafReader reader, String field) {
        try {
            Terms terms = reader.terms(field);
            if (terms == null) {
                return Set.of();
            }
            Set<String> out = new HashSet<>();
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                out.add(term.utf8ToString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("MemoryIndex failed, which it does not do on I/O", e);
        }
    }
}
