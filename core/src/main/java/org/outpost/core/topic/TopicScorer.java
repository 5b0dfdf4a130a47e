package org.outpost.core.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Scores a text against every topic in the JVM: the text goes into a one-document Lucene
 * {@link MemoryIndex} with English stemming, and each topic clause, parsed once, counts its
 * matches there. Thread-safe; build one and share it.
 *
 * <p>Score of a topic: {@code raw = Σ weight × (1 + ln count)} over matching clauses, minus the
 * same for matching exclusions; divided by {@code sqrt(words / 150)} for texts longer than 150
 * words, so a long article needs proportionally more evidence; squashed to [0, 1) by
 * {@code 1 − e^(−raw / 6)}. One strong clause alone (weight 4) gives 0.49, two give 0.74.
 */
public final class TopicScorer {

    static final String TITLE = "title";
    static final String BODY = "body";
    private static final double SCALE = 6.0;
    private static final double WORDS_PER_UNIT = 150.0;
    private static final int TITLE_FACTOR = 2;

    private final Analyzer analyzer = new EnglishTextAnalyzer();
    private final TopicDefinitions definitions;
    private final List<CompiledTopic> topics;
    private final boolean skipAbsentTerms;

    public TopicScorer(TopicDefinitions definitions) {
        this(definitions, true);
    }

    /** @param skipAbsentTerms false evaluates every clause in full (tests compare the two) */
    TopicScorer(TopicDefinitions definitions, boolean skipAbsentTerms) {
        this.definitions = definitions;
        this.skipAbsentTerms = skipAbsentTerms;
        this.topics = definitions.topics().stream().map(this::compile).toList();
    }

    public TopicDefinitions definitions() {
        return definitions;
    }

    public TopicScores score(@Nullable String title, String body) {
        MemoryIndex index = new MemoryIndex();
        if (title != null && !title.isBlank()) {
            index.addField(TITLE, title, analyzer);
        }
        index.addField(BODY, body, analyzer);
        IndexSearcher searcher = index.createSearcher();
        LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
        Map<String, Set<BytesRef>> termsByField = new HashMap<>(4);
        Function<String, Set<BytesRef>> present =
                field -> termsByField.computeIfAbsent(field, f -> ClauseTerms.termsOf(leaf.reader(), f));
        double length = Math.sqrt(Math.max(1.0, wordCount(title) + wordCount(body)) / WORDS_PER_UNIT);
        double lengthFactor = Math.max(1.0, length);

        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<TermContribution>> explanations = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (CompiledTopic topic : topics) {
            List<TermContribution> contributions = new ArrayList<>();
            double raw = 0;
            for (CompiledClause clause : topic.terms()) {
                raw += contribute(searcher, leaf, present, clause, 1, contributions);
            }
            for (CompiledClause clause : topic.excludes()) {
                raw += contribute(searcher, leaf, present, clause, -1, contributions);
            }
            double score = raw <= 0 ? 0 : 1 - Math.exp(-(raw / lengthFactor) / SCALE);
            score = Math.round(score * 1000) / 1000.0;
            String id = topic.definition().id();
            scores.put(id, score);
            explanations.put(id, List.copyOf(contributions));
            if (score >= topic.definition().threshold()) {
                labels.add(id);
            }
        }
        return new TopicScores(scores, labels, explanations);
    }

    private double contribute(IndexSearcher searcher, LeafReaderContext leaf,
            Function<String, Set<BytesRef>> present,
            CompiledClause clause, int sign, List<TermContribution> contributions) {
        int count = count(searcher, leaf, present, clause.body(), clause.bodyTerms(), BODY)
                + TITLE_FACTOR * count(searcher, leaf, present, clause.title(), clause.titleTerms(), TITLE);
        if (count == 0) {
            return 0;
        }
        double value = sign * clause.weight() * (1 + Math.log(count));
        contributions.add(new TermContribution(clause.text(), count, Math.round(value * 100) / 100.0));
        return value;
    }

    private int count(IndexSearcher searcher, LeafReaderContext leaf,
            Function<String, Set<BytesRef>> present, Query query,
            ClauseTerms terms, String field) {
        try {
            if (skipAbsentTerms && !terms.mayMatch(present)) {
                return 0;
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            Matches matches = weight.matches(leaf, 0);
            if (matches == null) {
                return 0;
            }
            MatchesIterator iterator = matches.getMatches(field);
            int count = 0;
            while (iterator != null && iterator.next()) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("MemoryIndex failed, which it does not do on I/O", e);
        }
    }

    private CompiledTopic compile(TopicDefinition topic) {
        return new CompiledTopic(topic,
                topic.terms().stream().map(c -> compile(topic, c)).toList(),
                topic.exclude().stream().map(c -> compile(topic, c)).toList());
    }

    private CompiledClause compile(TopicDefinition topic, TopicDefinition.Clause clause) {
        try {
            Query body = new QueryParser(BODY, analyzer).parse(clause.query());
            Query title = new QueryParser(TITLE, analyzer).parse(clause.query());
            return new CompiledClause(clause.query(), clause.weight(), body, title, ClauseTerms.of(body),
                    ClauseTerms.of(title));
        } catch (ParseException e) {
            throw new IllegalArgumentException("topic " + topic.id() + ": clause '" + clause.query()
                    + "' is not valid Lucene syntax: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static int wordCount(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private record CompiledTopic(TopicDefinition definition, List<CompiledClause> terms, List<CompiledClause> excludes) {
    }

    private record CompiledClause(String text, double weight, Query body, Query title, ClauseTerms bodyTerms,
            ClauseTerms titleTerms) {
    }
}
