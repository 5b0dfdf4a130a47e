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
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's English analysis (possessives, stop words, Porter stemming) plus accent folding and
 * a stem override list: Porter leaves agent nouns apart from their verbs ("smugglers" →
 * smuggler, "smuggling" → smuggl), which for news about crime splits the very words that
 * matter. {@code stem-overrides.txt} maps such words onto the verb's stem.
 */
final class EnglishTextAnalyzer extends Analyzer {

    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES = loadOverrides();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new StemmerOverrideFilter(stream, OVERRIDES);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private static StemmerOverrideFilter.StemmerOverrideMap loadOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
        try (InputStream in = EnglishTextAnalyzer.class.getResourceAsStream("stem-overrides.txt")) {
            if (in == null) {
                throw new IllegalStateException("stem-overrides.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
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
