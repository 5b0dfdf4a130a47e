package org.outpost.core.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Analysis for English, Russian and a mix of the two, chosen per token by its script: Latin
 * tokens get Lucene's English analysis (possessives, accent folding, stop words, a stem
 * override list, Porter), Cyrillic tokens Russian stop words and the Snowball Russian stemmer,
 * tokens in any other script are only lower-cased. So a Russian article with an English
 * quotation, or the reverse, is stemmed right in both parts, and a clause is analysed exactly
 * like the text it is matched against.
 *
 * <p>Why Snowball and not {@code RussianLightStemFilter}: both make героин/героина/героином,
 * граница/границы/границе and пограничник/пограничники/пограничников one term each, but the light
 * stemmer leaves verb and short-noun forms apart (задержан/задержали, бой/боя/боёв), which news
 * about arrests and fighting is full of. Snowball's weakness is the other way, over-stemming
 * short words (ИГИЛ → иг); acronyms written in capitals are therefore kept whole
 * ({@link AcronymKeywordFilter}).
 *
 * <p>Why the override list: Porter leaves agent nouns apart from their verbs ("smugglers" →
 * smuggler, "smuggling" → smuggl), which for news about crime splits the very words that
 * matter. {@code stem-overrides.txt} maps such words onto the verb's stem.
 */
final class ScriptAwareAnalyzer extends Analyzer {

    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES = loadOverrides();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new AcronymKeywordFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ScriptFilter(stream, Script.LATIN, ScriptAwareAnalyzer::english);
        stream = new ScriptFilter(stream, Script.CYRILLIC, ScriptAwareAnalyzer::russian);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private static TokenStream english(TokenStream in) {
        TokenStream stream = new ASCIIFoldingFilter(in);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new StemmerOverrideFilter(stream, OVERRIDES);
        return new PorterStemFilter(stream);
    }

    private static TokenStream russian(TokenStream in) {
        TokenStream stream = new StopFilter(in, RussianAnalyzer.getDefaultStopSet());
        return new SnowballFilter(stream, new RussianStemmer());
    }

    private static StemmerOverrideFilter.StemmerOverrideMap loadOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
        try (InputStream in = ScriptAwareAnalyzer.class.getResourceAsStream("stem-overrides.txt")) {
            if (in == null) {
                throw new IllegalStateException("stem-overrides.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s*->\\s*");
                if (parts.length != 2) {
                    throw new IllegalStateException("stem-overrides.txt: expected 'word, word -> stem' in: " + line);
                }
                for (String word : parts[0].split("\\s*,\\s*")) {
                    builder.add(word, parts[1]);
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
