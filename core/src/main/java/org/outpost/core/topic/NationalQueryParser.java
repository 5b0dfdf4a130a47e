package org.outpost.core.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Parses national-language clauses: as the classic parser, except that every word of
 * {@value #MIN_PREFIX} letters or more matches any word that starts with it, in a phrase too.
 * Tajik, Uzbek, Kyrgyz and Kazakh build words by adding suffixes to an unchanged stem
 * ("chegarachi" → chegarachilar, chegarachilarimiz; "қӯшунҳои сарҳадӣ" → қӯшунҳои сарҳадии), so
 * the word as a clause writes it is the start of every form; shorter words (acronyms, "чек
 * ара") must match whole, or they would start half the vocabulary. Tried first: cutting every
 * word to its first 7 letters, which could not tell "chegarachi" (border guard) from
 * "chegarasi" (its border).
 */
final class NationalQueryParser extends QueryParser {

    static final int MIN_PREFIX = 4;

    NationalQueryParser(String field) {
        super(field, new NationalTextAnalyzer());
    }

    @Override
    protected @Nullable Query getFieldQuery(String field, String queryText, boolean quoted) {
        return words(field, queryText, 0);
    }

    @Override
    protected @Nullable Query getFieldQuery(String field, String queryText, int slop) {
        return words(field, queryText, slop);
    }

    private @Nullable Query words(String field, String text, int slop) {
        List<String> words = analyse(field, text);
        if (words.isEmpty()) {
            return null;
        }
        if (words.size() == 1) {
            String word = words.getFirst();
            Term term = new Term(field, word);
            return word.length() < MIN_PREFIX ? new TermQuery(term) : new PrefixQuery(term);
        }
        SpanQuery[] parts = new SpanQuery[words.size()];
        for (int i = 0; i < parts.length; i++) {
            Term term = new Term(field, words.get(i));
            parts[i] = words.get(i).length() < MIN_PREFIX
                    ? new SpanTermQuery(term)
                    : new SpanMultiTermQueryWrapper<>(new PrefixQuery(term));
        }
        return new SpanNearQuery(parts, slop, true);
    }

    private List<String> analyse(String field, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = getAnalyzer().tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of a string does no I/O", e);
        }
        return words;
    }
}
