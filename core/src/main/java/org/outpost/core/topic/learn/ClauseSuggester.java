package org.outpost.core.topic.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;
import org.outpost.core.topic.TopicTerms;

/**
 * Proposes clauses for a topic from the texts analysts marked as missing it: terms (analysed
 * words and two-word phrases, as {@link TopicTerms} reads them, which is how the clauses read
 * text) that occur in at least {@link Settings#minMissing()} of those texts and rarely in a
 * background of other texts of the same language, that the topic's clauses do not match yet.
 * Each is written as the topic file would hold it and measured on labelled texts: what the
 * topic's precision, recall and F1 become with it, the clauses alone scoring. Nothing is added:
 * an admin reads the figures and decides.
 *
 * <p><b>Ranking.</b> By document frequency (a text counts once however often it repeats a term),
 * a term in {@code a} of {@code A} missing texts and {@code b} of {@code B} background texts
 * gets the log-odds ratio {@code δ = ln((a+½)/(A−a+½)) − ln((b+½)/(B−b+½))}, smoothed by adding ½
 * to every cell (Haldane–Anscombe) so a term absent from the background has a finite ratio, and
 * is ranked by {@code δ / σ} with {@code σ² = 1/(a+½) + 1/(A−a+½) + 1/(b+½) + 1/(B−b+½)}. The raw
 * ratio would rank a term seen in 2 missing texts and never elsewhere as high as one seen in 20:
 * dividing by its standard error (as in Monroe, Colaresi and Quinn's "Fightin' words") rewards
 * the evidence, and with few missing texts, which is the usual case, that is what separates a
 * shared phrase from a coincidence. A term in more than {@link Settings#maxBackgroundRate()} of
 * the background is not proposed at all, however distinctive: it would label other texts too.
 *
 * <p><b>Clause form.</b> English and Russian: the word as most missing texts wrote it,
 * lower-cased (the clause is stemmed like the text, so "smugglers" also reaches "smuggling"), a
 * pair of words in double quotes. The national languages have no stemmer and a clause word of
 * four letters or more matches every word starting with it (the topic file's rule), so a word is
 * proposed as its first {@value #NATIONAL_STEM} letters ({@code chegar} for chegarachilar), and
 * each word of a phrase is cut the same way.
 *
 * <p><b>Cost.</b> Counting is one analysis per text; measuring scores every labelled text of the
 * candidate's language once per candidate, for this one topic only, so at most
 * {@link Settings#measured()} candidates are measured (a few hundred texts each).
 */
public final class ClauseSuggester {

    /** The letters of a national-language word kept in a clause: as {@link TopicTerms} keeps them. */
    static final int NATIONAL_STEM = 6;

    private static final Set<Language> NATIONAL = Set.of(Language.TG, Language.UZ, Language.KY, Language.KK);
    /** Shorter words are mostly particles, initials and numbers' units: not worth a clause. */
    private static final int MIN_LETTERS = 3;

    private final TopicDefinitions definitions;
    private final Settings settings;

    public ClauseSuggester(TopicDefinitions definitions) {
        this(definitions, Settings.DEFAULTS);
    }

    public ClauseSuggester(TopicDefinitions definitions, Settings settings) {
        this.definitions = definitions;
        this.settings = settings;
    }

    /**
     * @param minMissing the missing texts a term must occur in
     * @param maxBackgroundRate above this share of the background texts a term is not proposed
     * @param rareBackgroundRate up to this share a term is rare and proposed with weight 2; above, weight 1
     * @param measured at most this many candidates are proposed, each measured
     */
    public record Settings(int minMissing, double maxBackgroundRate, double rareBackgroundRate, int measured) {

        public static final Settings DEFAULTS = new Settings(2, 0.05, 0.01, 10);

        public Settings {
            if (minMissing < 1 || measured < 1) {
                throw new IllegalArgumentException("minMissing and measured must be at least 1");
            }
            if (rareBackgroundRate < 0 || rareBackgroundRate > maxBackgroundRate || maxBackgroundRate > 1) {
                throw new IllegalArgumentException("need 0 ≤ rareBackgroundRate ≤ maxBackgroundRate ≤ 1");
            }
        }
    }

    /**
     * The background for {@code topic}: texts known not to be about it, or not known to be. The
     * shipped training passages and the feedback texts, except those labelled with the topic and
     * those analysts said miss it (they are the foreground). Held-out passages stay out: the
     * candidates are measured on them.
     */
    public static List<LabelledText> background(
            String topic, List<LabelledText> shippedTraining, List<LabelledText> feedback, List<LabelledText> missing) {
        Set<String> foreground = new HashSet<>();
        missing.forEach(t -> foreground.add(t.id()));
        List<LabelledText> out = new ArrayList<>();
        for (List<LabelledText> texts : List.of(shippedTraining, feedback)) {
            for (LabelledText text : texts) {
                if (!foreground.contains(text.id()) && !Boolean.TRUE.equals(text.label(topic))) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /**
     * The best candidates for {@code topic}, each measured on {@code evaluation} (the labelled
     * texts of its language).
     *
     * @throws NoSuchElementException when there is no such topic
     */
    public ClauseSuggestions suggest(
            String topic, List<LabelledText> missing, List<LabelledText> background, List<LabelledText> evaluation) {
        TopicDefinition definition = definitions.topics().stream()
                .filter(t -> t.id().equals(topic))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no topic '" + topic + "'"));
        TopicScorer current = new TopicScorer(new TopicDefinitions(List.of(definition)));
        List<ClauseSuggestion> ranked = new ArrayList<>();
        for (Language language : LabelledSets.LANGUAGES) {
            List<LabelledText> own = inLanguage(missing, language);
            if (own.size() >= settings.minMissing()) {
                ranked.addAll(candidates(definition, current, language, own, inLanguage(background, language)));
            }
        }
        ranked.sort(Comparator.comparingDouble(ClauseSuggestion::score)
                .reversed()
                .thenComparing(
                        Comparator.comparingInt(ClauseSuggestion::missingTexts).reversed())
                .thenComparing(ClauseSuggestion::query));
        List<ClauseSuggestion> best = ranked.subList(0, Math.min(settings.measured(), ranked.size()));
        Map<Language, Measure> measures = new HashMap<>();
        List<ClauseSuggestion> measured = new ArrayList<>();
        for (ClauseSuggestion candidate : best) {
            Measure measure = measures.computeIfAbsent(
                    candidate.language(),
                    l -> new Measure(definition, current, inLanguage(evaluation, l), inLanguage(missing, l)));
            measured.add(candidate.measured(measure.effect(candidate)));
        }
        return new ClauseSuggestions(topic, missing.size(), measured);
    }

    private List<ClauseSuggestion> candidates(
            TopicDefinition topic,
            TopicScorer current,
            Language language,
            List<LabelledText> missing,
            List<LabelledText> background) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (LabelledText text : missing) {
            keys(text, language)
                    .forEach((key, found) ->
                            tallies.computeIfAbsent(key, k -> new Tally(found)).inMissing(found.surface()));
        }
        for (LabelledText text : background) {
            for (String key : keys(text, language).keySet()) {
                Tally tally = tallies.get(key);
                if (tally != null) {
                    tally.background++;
                }
            }
        }
        List<ClauseSuggestion> out = new ArrayList<>();
        Set<String> queries = new HashSet<>();
        int total = missing.size();
        int backgroundTotal = background.size();
        for (Tally tally : tallies.values()) {
            double rate = backgroundTotal == 0 ? 0 : (double) tally.background / backgroundTotal;
            if (tally.missing < settings.minMissing() || rate > settings.maxBackgroundRate()) {
                continue;
            }
            double score = score(tally.missing, total, tally.background, backgroundTotal);
            String surface = tally.commonSurface();
            if (score <= 0 || covered(current, topic.id(), surface, language)) {
                continue;
            }
            String query = tally.found.query(surface);
            if (queries.add(query)) {
                int weight = rate <= settings.rareBackgroundRate() ? 2 : 1;
                out.add(new ClauseSuggestion(
                        language,
                        query,
                        weight,
                        tally.found.term(),
                        tally.missing,
                        total,
                        tally.background,
                        backgroundTotal,
                        Math.round(score * 1000) / 1000.0,
                        null));
            }
        }
        return out;
    }

    /** The smoothed log-odds ratio of a term in the foreground against the background, over its standard error. */
    static double score(int a, int total, int b, int backgroundTotal) {
        double a1 = a + 0.5;
        double a0 = total - a + 0.5;
        double b1 = b + 0.5;
        double b0 = backgroundTotal - b + 0.5;
        double delta = Math.log(a1 / a0) - Math.log(b1 / b0);
        return delta / Math.sqrt(1 / a1 + 1 / a0 + 1 / b1 + 1 / b0);
    }

    /** The topic's clauses already match the term: a clause for it would count it twice. */
    private static boolean covered(TopicScorer current, String topic, String surface, Language language) {
        return !current.score(null, surface, language)
                .explanations()
                .getOrDefault(topic, List.of())
                .isEmpty();
    }

    /** The candidate terms of a text, by the key under which texts share them. */
    private static Map<String, Found> keys(LabelledText text, Language language) {
        TopicTerms terms = TopicTerms.of(text.title(), text.text(), language);
        boolean national = NATIONAL.contains(language);
        Map<String, Found> out = new LinkedHashMap<>();
        for (String term : terms.counts().keySet()) {
            String surface = terms.surface(term);
            Found found = national ? nationalTerm(term, surface) : scriptTerm(term, surface);
            if (found != null) {
                out.putIfAbsent(found.key(), found);
            }
        }
        return out;
    }

    /**
     * English and Russian: texts share a term by its analysed form (one stem for "smuggler" and
     * "smugglers"); the clause is written from a surface form.
     */
    private static @Nullable Found scriptTerm(String term, String surface) {
        String[] words = lower(surface).split(" ");
        for (String word : words) {
            if (!worthAClause(word)) {
                return null;
            }
        }
        return new Found(term, term, surface, words.length > 1, true);
    }

    /**
     * National languages: a single word by its start (the {@code chegar…} terms), a short word
     * whole (the stemmed form of the script analysis means nothing here), a pair by the starts of
     * its words; texts share a term by the clause it makes.
     */
    private static @Nullable Found nationalTerm(String term, String surface) {
        if (term.endsWith("…")) {
            String start = term.substring(0, term.length() - 1);
            return worthAClause(start) ? new Found(start, term, surface, false, false) : null;
        }
        String[] words = lower(surface).split(" ");
        List<String> starts = new ArrayList<>();
        for (String word : words) {
            if (!worthAClause(word)) {
                return null;
            }
            starts.add(start(word));
        }
        if (words.length == 1 && letters(words[0]) > NATIONAL_STEM) {
            return null; // its start is a term of its own
        }
        return new Found(String.join(" ", starts), term, surface, words.length > 1, false);
    }

    /** The first {@value #NATIONAL_STEM} letters of a word (an apostrophe between them kept). */
    private static String start(String word) {
        StringBuilder out = new StringBuilder();
        int letters = 0;
        for (int i = 0; i < word.length() && letters < NATIONAL_STEM; i++) {
            char c = word.charAt(i);
            out.append(c);
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return out.toString();
    }

    private static boolean worthAClause(String word) {
        return letters(word) >= MIN_LETTERS && word.chars().noneMatch(Character::isDigit);
    }

    private static int letters(String word) {
        return (int) word.chars().filter(Character::isLetter).count();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static List<LabelledText> inLanguage(List<LabelledText> texts, Language language) {
        return texts.stream().filter(t -> t.language() == language).toList();
    }

    /**
     * One candidate term of a text.
     *
     * @param key what texts share: the analysed term, or for the national languages the clause
     * @param phrase two words, written in double quotes
     */
    private record Found(String key, String term, String surface, boolean phrase, boolean fromSurface) {

        /** The clause: from the form most missing texts used (English, Russian), or the key (the word starts). */
        String query(String commonSurface) {
            List<String> escaped = new ArrayList<>();
            for (String word : (fromSurface ? lower(commonSurface) : key).split(" ")) {
                escaped.add(QueryParser.escape(word));
            }
            String joined = String.join(" ", escaped);
            return phrase ? '"' + joined + '"' : joined;
        }
    }

    /** How many missing and background texts have a term, and how the missing ones wrote it. */
    private static final class Tally {
        final Found found;
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        int missing;
        int background;

        Tally(Found found) {
            this.found = found;
        }

        void inMissing(String surface) {
            missing++;
            surfaces.merge(lower(surface), 1, Integer::sum);
        }

        /** The most frequent form; the first seen among equals, so the result does not depend on hashing. */
        String commonSurface() {
            String best = found.surface();
            int most = 0;
            for (Map.Entry<String, Integer> entry : surfaces.entrySet()) {
                if (entry.getValue() > most) {
                    best = entry.getKey();
                    most = entry.getValue();
                }
            }
            return best;
        }
    }

    /** Measures candidates of one language: the labels before are computed once. */
    private static final class Measure {
        private final TopicDefinition topic;
        private final List<LabelledText> texts;
        private final List<LabelledText> missing;
        private final Set<String> labelledBefore;
        private final Set<String> missingBefore;
        private final TopicCounts before;

        Measure(TopicDefinition topic, TopicScorer current, List<LabelledText> texts, List<LabelledText> missing) {
            this.topic = topic;
            this.texts = texts;
            this.missing = missing;
            this.labelledBefore = labelled(current, texts);
            this.missingBefore = labelled(current, missing);
            this.before = counts(labelledBefore);
        }

        ClauseEffect effect(ClauseSuggestion candidate) {
            TopicScorer with = new TopicScorer(new TopicDefinitions(List.of(withClause(candidate))));
            Set<String> after = labelled(with, texts);
            int gained = 0;
            int gainedRight = 0;
            int lost = 0;
            for (LabelledText text : texts) {
                boolean was = labelledBefore.contains(text.id());
                boolean is = after.contains(text.id());
                if (is && !was) {
                    gained++;
                    if (Boolean.TRUE.equals(text.label(topic.id()))) {
                        gainedRight++;
                    }
                } else if (was && !is) {
                    lost++;
                }
            }
            Set<String> missingAfter = labelled(with, missing);
            missingAfter.removeAll(missingBefore);
            return new ClauseEffect(
                    texts.size(), before, counts(after), gained, gainedRight, lost, missingAfter.size());
        }

        private TopicDefinition withClause(ClauseSuggestion candidate) {
            TopicDefinition.Clause clause = new TopicDefinition.Clause(candidate.query(), candidate.weight());
            List<TopicDefinition.Clause> terms = topic.terms();
            Map<String, TopicDefinition.Clauses> languages = new LinkedHashMap<>(topic.languages());
            if (candidate.language() == Language.EN) {
                terms = append(terms, clause);
            } else {
                TopicDefinition.Clauses own = topic.clauses(candidate.language());
                languages.put(
                        candidate.language().code(),
                        new TopicDefinition.Clauses(append(own.terms(), clause), own.exclude()));
            }
            return new TopicDefinition(
                    topic.id(),
                    topic.name(),
                    topic.description(),
                    topic.threshold(),
                    terms,
                    topic.exclude(),
                    languages,
                    topic.names());
        }

        private TopicCounts counts(Set<String> labelled) {
            return ModelEvaluation.evaluate(
                            texts, List.of(topic.id()), t -> labelled.contains(t.id()) ? Set.of(topic.id()) : Set.of())
                    .topic(topic.id());
        }

        private Set<String> labelled(TopicScorer scorer, List<LabelledText> among) {
            Set<String> out = new LinkedHashSet<>();
            for (LabelledText text : among) {
                if (scorer.score(text.title(), text.text(), text.language())
                        .labels()
                        .contains(topic.id())) {
                    out.add(text.id());
                }
            }
            return out;
        }

        private static List<TopicDefinition.Clause> append(
                List<TopicDefinition.Clause> clauses, TopicDefinition.Clause clause) {
            List<TopicDefinition.Clause> out = new ArrayList<>(clauses);
            out.add(clause);
            return out;
        }
    }
}
