package org.outpost.core.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A text as the terms a learned model weighs: the words as the topic clauses see them (the same
 * per-script analysis, so "smugglers" and "smuggling", героина and героином are one term), pairs
 * of neighbouring words ("border guard", "пункт пропуска"), and for the national languages,
 * which no stemmer handles, the first {@value #NATIONAL_STEM} letters of each longer word, so
 * "chegarachilar" and "chegarachi" meet as they do in the clauses. Title words count twice, as
 * they do for the rules.
 *
 * <p>Also keeps, per term, the first way it was written in the text, so a learned term can be
 * shown to a reader (and proposed as a clause) as a word rather than a stem.
 */
public final class TopicTerms {

    /** Letters kept of a national-language word: its stem plus, at most, the start of a suffix. */
    static final int NATIONAL_STEM = 6;

    private static final Set<Language> NATIONAL = Set.of(Language.TG, Language.UZ, Language.KY, Language.KK);
    private static final Analyzer SCRIPT = new ScriptAwareAnalyzer();
    private static final Analyzer NATIONAL_ANALYZER = new NationalTextAnalyzer();

    private final Map<String, Integer> counts;
    private final Map<String, String> surfaces;

    private TopicTerms(Map<String, Integer> counts, Map<String, String> surfaces) {
        this.counts = counts;
        this.surfaces = surfaces;
    }

    /** The terms of a text written mainly in {@code language} (null or {@link Language#OTHER}: by script only). */
    public static TopicTerms of(@Nullable String title, String body, @Nullable Language language) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> surfaces = new LinkedHashMap<>();
        boolean national = language != null && NATIONAL.contains(language);
        if (title != null && !title.isBlank()) {
            collect(title, 2, national, counts, surfaces);
        }
        collect(body, 1, national, counts, surfaces);
        return new TopicTerms(counts, surfaces);
    }

    /** How often each term occurs (title occurrences twice), in order of first appearance. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** The term as first written in the text ("Border guards" for "border guard"), or the term itself. */
    public String surface(String term) {
        return surfaces.getOrDefault(term, term);
    }

    private static void collect(
            String text, int times, boolean national, Map<String, Integer> counts, Map<String, String> surfaces) {
        String previous = null;
        String previousSurface = null;
        try (TokenStream stream = SCRIPT.tokenStream(TopicScorer.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                String surface = text.substring(offset.startOffset(), offset.endOffset());
                add(word, surface, times, counts, surfaces);
                // a stop word between two words breaks the pair: "border of guard" is not "border guard"
                if (previous != null && increment.getPositionIncrement() == 1) {
                    add(previous + " " + word, previousSurface + " " + surface, times, counts, surfaces);
                }
                previous = word;
                previousSurface = surface;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of a string failed, which it does not do on I/O", e);
        }
        if (national) {
            collectNational(text, times, counts, surfaces);
        }
    }

    private static void collectNational(
            String text, int times, Map<String, Integer> counts, Map<String, String> surfaces) {
        try (TokenStream stream = NATIONAL_ANALYZER.tokenStream(TopicScorer.NATIONAL_BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > NATIONAL_STEM) {
                    String start = term.subSequence(0, NATIONAL_STEM) + "…";
                    add(start, text.substring(offset.startOffset(), offset.endOffset()), times, counts, surfaces);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of a string failed, which it does not do on I/O", e);
        }
    }

    private static void add(
            String term, String surface, int times, Map<String, Integer> counts, Map<String, String> surfaces) {
        counts.merge(term, times, Integer::sum);
        surfaces.putIfAbsent(term, surface);
    }
}
