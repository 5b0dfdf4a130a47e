package org.outpost.alerts.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.core.article.Article;
import org.springframework.modulith.NamedInterface;

/**
 * Why a keyword alert matched an article: a passage of the article with the query's words marked,
 * and the topics whose scores passed the alert's filter. The words are found as the matcher finds
 * them: the query parsed by {@link SubscriptionQuery} and the text analysed by the same analyzer
 * (lower case, ё as е, Russian stemming), so "границе" in the text is marked for a query "граница".
 *
 * @param snippet the passage in pieces, the marked ones the query's words; empty when none is in the text
 * @param topics the alert's topics the article passed: topic id to the article's score and the minimum
 */
@NamedInterface("delivery")
public record MatchExplanation(List<Piece> snippet, Map<String, TopicScore> topics) {

    /** A run of the passage; {@code hit} when it is one of the query's words. */
    @NamedInterface("delivery")
    public record Piece(String text, boolean hit) {}

    @NamedInterface("delivery")
    public record TopicScore(double score, double min) {}

    /** Characters of text around the first word found. */
    static final int WINDOW = 240;

    static final MatchExplanation NONE = new MatchExplanation(List.of(), Map.of());

    public boolean isEmpty() {
        return snippet.isEmpty() && topics.isEmpty();
    }

    /** The snippet with each marked word wrapped: {@code mark.apply} for hits, {@code plain} for the rest. */
    public String format(
            java.util.function.UnaryOperator<String> plain, java.util.function.UnaryOperator<String> mark) {
        StringBuilder out = new StringBuilder();
        for (Piece p : snippet) {
            out.append(p.hit() ? mark.apply(p.text()) : plain.apply(p.text()));
        }
        return out.toString();
    }

    static MatchExplanation of(String query, Map<String, Double> topicFilter, @Nullable Article article) {
        if (article == null) {
            return NONE;
        }
        Map<String, TopicScore> topics = new LinkedHashMap<>();
        topicFilter.forEach((id, min) -> {
            Double score = article.topicScores().get(id);
            if (score != null && score >= min) {
                topics.put(id, new TopicScore(score, min));
            }
        });
        Set<String> words = words(query);
        List<Piece> snippet = words.isEmpty() ? List.of() : snippet(article.title(), article.body(), words);
        return new MatchExplanation(snippet, topics);
    }

    /** The query's words as the index holds them (analysed), from the title and body fields. */
    static Set<String> words(String query) {
        if (SubscriptionQuery.matchesAll(query)) {
            return Set.of();
        }
        Query parsed;
        try {
            parsed = SubscriptionQuery.parse(query);
        } catch (RuntimeException e) {
            return Set.of(); // stored before a stricter parser: the message goes out without a snippet
        }
        Set<Term> terms = new HashSet<>();
        parsed.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                terms.addAll(List.of(found));
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                // words the query excludes explain nothing
                return occur == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        Set<String> words = new LinkedHashSet<>();
        for (Term t : terms) {
            String field = t.field();
            if (field.equals(SubscriptionQuery.BODY)
                    || field.equals(SubscriptionQuery.TITLE)
                    || field.startsWith("search_")) {
                words.add(t.text());
            }
        }
        return words;
    }

    /** The body's first passage with a query word (else the title's), the words marked. */
    private static List<Piece> snippet(String title, String body, Set<String> words) {
        List<int[]> hits = hits(body, words);
        String text = body;
        if (hits.isEmpty()) {
            hits = hits(title, words);
            text = title;
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        int first = hits.getFirst()[0];
        int start = Math.max(0, first - WINDOW / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        int end = Math.min(text.length(), start + WINDOW);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        List<Piece> pieces = new ArrayList<>();
        int at = start;
        if (start > 0) {
            pieces.add(new Piece("…", false));
        }
        for (int[] hit : hits) {
            if (hit[0] < at || hit[1] > end) {
                continue;
            }
            if (hit[0] > at) {
                pieces.add(new Piece(text.substring(at, hit[0]), false));
            }
            pieces.add(new Piece(text.substring(hit[0], hit[1]), true));
            at = hit[1];
        }
        if (at < end) {
            pieces.add(new Piece(text.substring(at, end), false));
        }
        if (end < text.length()) {
            pieces.add(new Piece("…", false));
        }
        return pieces;
    }

    /** Offsets of the text's words whose analysed form is one of {@code words}. */
    private static List<int[]> hits(String text, Set<String> words) {
        List<int[]> hits = new ArrayList<>();
        try (TokenStream tokens = SubscriptionQuery.ANALYZER.tokenStream(SubscriptionQuery.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (words.contains(term.toString())) {
                    hits.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return hits;
    }
}
