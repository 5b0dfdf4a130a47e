package org.outpost.core.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
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
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * Scores a text against every topic in the JVM: the text goes into a one-document Lucene
 * {@link MemoryIndex}, and each topic clause, parsed once, counts its matches there.
 * Thread-safe; build one and share it.
 *
 * <p>Which clauses count: the full list of the text's main language (terms and exclusions),
 * plus the strong terms (weight {@value #STRONG} and up) of the other languages, so a Russian
 * article quoting an English statement still counts "drug trafficking", and the reverse. English
 * and Russian text is analysed per word by its script ({@link ScriptAwareAnalyzer}); a text in a
 * national language (tg, uz, ky, kk) is also analysed a second way ({@link NationalTextAnalyzer})
 * for that language's clauses and the other national lists. Another language's clause does not
 * count words a clause of a different language already matched: the same "героин" is not
 * evidence once for the Tajik list, once for the Russian one and once for the Kazakh one.
 *
 * <p>Score of a topic: {@code raw = Σ weight × (1 + ln count)} over matching clauses, minus the
 * same for matching exclusions; divided by {@code sqrt(words / 150)} for texts longer than 150
 * words, so a long article needs proportionally more evidence; squashed to [0, 1) by
 * {@code 1 − e^(−raw / 6)}. One strong clause alone (weight 4) gives 0.49, two give 0.74, in
 * every language, so one threshold means the same for all of them.
 */
public final class TopicScorer {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String NATIONAL_TITLE = "title_national";
    static final String NATIONAL_BODY = "body_national";
    /** The weight from which another language's clause counts: names the topic or is a strong sign. */
    static final double STRONG = 3;

    private static final double SCALE = 6.0;
    private static final double WORDS_PER_UNIT = 150.0;
    private static final int TITLE_FACTOR = 2;
    private static final List<Language> LISTED =
            List.of(Language.EN, Language.RU, Language.TG, Language.UZ, Language.KY, Language.KK);
    private static final Set<Language> NATIONAL = Set.of(Language.TG, Language.UZ, Language.KY, Language.KK);

    private static final IndexSearcher EMPTY = new MemoryIndex().createSearcher();

    private final Analyzer analyzer = new ScriptAwareAnalyzer();
    private final Analyzer nationalAnalyzer = new NationalTextAnalyzer();
    private final TopicDefinitions definitions;
    private final Map<Language, List<CompiledTopic>> plans = new EnumMap<>(Language.class);
    private final boolean skipAbsentTerms;

    public TopicScorer(TopicDefinitions definitions) {
        this(definitions, true);
    }

    /** @param skipAbsentTerms false evaluates every clause in full (tests compare the two) */
    TopicScorer(TopicDefinitions definitions, boolean skipAbsentTerms) {
        this.definitions = definitions;
        this.skipAbsentTerms = skipAbsentTerms;
        List<Map<Language, CompiledClauses>> compiled =
                definitions.topics().stream().map(this::compile).toList();
        for (Language main : Language.values()) {
            List<CompiledTopic> plan = new ArrayList<>();
            for (int i = 0; i < compiled.size(); i++) {
                plan.add(plan(definitions.topics().get(i), compiled.get(i), main));
            }
            plans.put(main, List.copyOf(plan));
        }
    }

    public TopicDefinitions definitions() {
        return definitions;
    }

    /**
     * Scores a text whose language the caller does not know: its main language is taken from
     * the script most of its letters are in ({@link MainLanguage}). Callers that detected the
     * language pass it to {@link #score(String, String, Language)}.
     */
    public TopicScores score(@Nullable String title, String body) {
        return score(title, body, MainLanguage.of(title, body));
    }

    /** Scores a text written mainly in {@code main}; {@link Language#OTHER} counts only other languages' strong clauses. */
    public TopicScores score(@Nullable String title, String body, Language main) {
        MemoryIndex index = new MemoryIndex();
        boolean hasTitle = title != null && !title.isBlank();
        if (hasTitle) {
            index.addField(TITLE, title, analyzer);
        }
        index.addField(BODY, body, analyzer);
        if (NATIONAL.contains(main)) {
            if (hasTitle) {
                index.addField(NATIONAL_TITLE, title, nationalAnalyzer);
            }
            index.addField(NATIONAL_BODY, body, nationalAnalyzer);
        }
        IndexSearcher searcher = index.createSearcher();
        LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
        Map<String, Set<String>> termsByField = new HashMap<>(4);
        Function<String, Set<String>> present =
                field -> termsByField.computeIfAbsent(field, f -> ClauseTerms.termsOf(leaf.reader(), f));
        double length = Math.sqrt(Math.max(1.0, wordCount(title) + wordCount(body)) / WORDS_PER_UNIT);
        double lengthFactor = Math.max(1.0, length);

        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<TermContribution>> explanations = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (CompiledTopic topic : plans.get(main)) {
            List<TermContribution> contributions = new ArrayList<>();
            Positions taken = new Positions();
            double raw = 0;
            for (CompiledClause clause : topic.terms()) {
                raw += contribute(searcher, leaf, present, clause, 1, contributions, taken);
            }
            for (CompiledClause clause : topic.excludes()) {
                raw += contribute(searcher, leaf, present, clause, -1, contributions, taken);
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

    private double contribute(
            IndexSearcher searcher,
            LeafReaderContext leaf,
            Function<String, Set<String>> present,
            CompiledClause clause,
            int sign,
            List<TermContribution> contributions,
            Positions taken) {
        int count = count(
                        searcher,
                        leaf,
                        present,
                        clause.body(),
                        clause.bodyTerms(),
                        clause.bodyField(),
                        clause,
                        taken.body)
                + TITLE_FACTOR
                        * count(
                                searcher,
                                leaf,
                                present,
                                clause.title(),
                                clause.titleTerms(),
                                clause.titleField(),
                                clause,
                                taken.title);
        if (count == 0) {
            return 0;
        }
        double value = sign * clause.weight() * (1 + Math.log(count));
        contributions.add(new TermContribution(clause.text(), count, Math.round(value * 100) / 100.0));
        return value;
    }

    private int count(
            IndexSearcher searcher,
            LeafReaderContext leaf,
            Function<String, Set<String>> present,
            Query query,
            ClauseTerms terms,
            String field,
            CompiledClause clause,
            Map<Language, BitSet> taken) {
        try {
            if (skipAbsentTerms && !terms.mayMatch(present)) {
                return 0;
            }
            Query ready = terms.exact() ? query : searcher.rewrite(query);
            Weight weight = searcher.createWeight(ready, ScoreMode.COMPLETE_NO_SCORES, 1);
            Matches matches = weight.matches(leaf, 0);
            if (matches == null) {
                return 0;
            }
            MatchesIterator iterator = matches.getMatches(field);
            int count = 0;
            BitSet mine = taken.computeIfAbsent(clause.language(), l -> new BitSet());
            while (iterator != null && iterator.next()) {
                int start = iterator.startPosition();
                int end = iterator.endPosition();
                if (clause.own() || start < 0 || !takenByAnother(taken, clause.language(), start, end)) {
                    count++;
                    if (start >= 0) {
                        mine.set(start, end + 1);
                    }
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("MemoryIndex failed, which it does not do on I/O", e);
        }
    }

    private static boolean takenByAnother(Map<Language, BitSet> taken, Language language, int start, int end) {
        for (Map.Entry<Language, BitSet> entry : taken.entrySet()) {
            int next = entry.getValue().nextSetBit(start);
            if (entry.getKey() != language && next >= 0 && next <= end) {
                return true;
            }
        }
        return false;
    }

    /** The clauses that count for a text in {@code main}: its own list, then the others' strong terms. */
    private static CompiledTopic plan(TopicDefinition topic, Map<Language, CompiledClauses> compiled, Language main) {
        List<CompiledClause> terms = new ArrayList<>();
        List<CompiledClause> excludes = new ArrayList<>();
        CompiledClauses own = compiled.get(main);
        if (own != null) {
            terms.addAll(own.terms());
            excludes.addAll(own.excludes());
        }
        for (Language other : LISTED) {
            if (other == main || (NATIONAL.contains(other) && !NATIONAL.contains(main))) {
                continue; // a text not in a national language has no national analysis to match
            }
            for (CompiledClause clause : compiled.get(other).terms()) {
                if (clause.weight() >= STRONG) {
                    terms.add(clause.asOther());
                }
            }
        }
        return new CompiledTopic(topic, List.copyOf(terms), List.copyOf(excludes));
    }

    private Map<Language, CompiledClauses> compile(TopicDefinition topic) {
        Map<Language, CompiledClauses> out = new EnumMap<>(Language.class);
        for (Language language : LISTED) {
            TopicDefinition.Clauses clauses = topic.clauses(language);
            out.put(
                    language,
                    new CompiledClauses(
                            clauses.terms().stream()
                                    .map(c -> compile(topic, language, c))
                                    .toList(),
                            clauses.exclude().stream()
                                    .map(c -> compile(topic, language, c))
                                    .toList()));
        }
        return out;
    }

    private CompiledClause compile(TopicDefinition topic, Language language, TopicDefinition.Clause clause) {
        boolean national = NATIONAL.contains(language);
        String bodyField = national ? NATIONAL_BODY : BODY;
        String titleField = national ? NATIONAL_TITLE : TITLE;
        try {
            Query body = parser(bodyField, national).parse(clause.query());
            Query title = parser(titleField, national).parse(clause.query());
            ClauseTerms bodyTerms = ClauseTerms.of(body);
            ClauseTerms titleTerms = ClauseTerms.of(title);
            return new CompiledClause(
                    clause.query(),
                    language,
                    clause.weight(),
                    bodyField,
                    titleField,
                    rewrittenOnce(body, bodyTerms),
                    rewrittenOnce(title, titleTerms),
                    bodyTerms,
                    titleTerms,
                    true);
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "topic " + topic.id() + (language == Language.EN ? "" : " (" + language.code() + ")") + ": clause '"
                            + clause.query() + "' is not valid Lucene syntax: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    /**
     * A clause of plain terms rewritten once here rather than for every text: its rewritten
     * form does not depend on the text. A clause with a prefix is rewritten against each text.
     */
    private static Query rewrittenOnce(Query query, ClauseTerms terms) {
        if (!terms.exact()) {
            return query;
        }
        try {
            return EMPTY.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("MemoryIndex failed, which it does not do on I/O", e);
        }
    }

    private QueryParser parser(String field, boolean national) {
        return national ? new NationalQueryParser(field) : new QueryParser(field, analyzer);
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

    private record CompiledTopic(
            TopicDefinition definition, List<CompiledClause> terms, List<CompiledClause> excludes) {}

    private record CompiledClauses(List<CompiledClause> terms, List<CompiledClause> excludes) {}

    /** @param own true for a clause of the text's main language, which counts every match */
    private record CompiledClause(
            String text,
            Language language,
            double weight,
            String bodyField,
            String titleField,
            Query body,
            Query title,
            ClauseTerms bodyTerms,
            ClauseTerms titleTerms,
            boolean own) {
        CompiledClause asOther() {
            return new CompiledClause(
                    text, language, weight, bodyField, titleField, body, title, bodyTerms, titleTerms, false);
        }
    }

    /**
     * Word positions a topic's clauses have matched so far, by the language of the clause, in
     * the title and in the body. The national analysis keeps the script analysis' positions
     * (one token per word, stop words leave a gap), so positions of the two compare.
     */
    private static final class Positions {
        final Map<Language, BitSet> title = new EnumMap<>(Language.class);
        final Map<Language, BitSet> body = new EnumMap<>(Language.class);
    }
}
