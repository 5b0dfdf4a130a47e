package org.outpost.core.topic;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis for Tajik, Uzbek (Latin and Cyrillic), Kyrgyz and Kazakh, which Lucene has no
 * stemmer for: every word is cut to its first {@value #KEPT} letters. These languages build a
 * word by adding suffixes to an unchanged stem (Tajik сарҳад → сарҳадҳо, сарҳадӣ; Kazakh
 * шекара → шекарада, шекарашылар; Uzbek chegara → chegarada, chegarachilar), so the start of a
 * word is its stem far more often than in Russian; a clause is written as the plain word and
 * cut the same way, and a prefix query in a clause is cut to the same length, since a longer
 * one could never match.
 *
 * <p>The Uzbek Latin apostrophe is written five ways (oʻ o' o’ o‘ o`); they are all dropped, so
 * "Oʻzbekiston" and "O'zbekiston" are one word. ё is read as е, as Russian-trained writers mix
 * them.
 */
final class NationalTextAnalyzer extends Analyzer {

    /** Letters kept of each word; measured on the national passages (see docs/signal-quality.md). */
    static final int KEPT = 7;

    private static final NormalizeCharMap FOLDING = folding();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new TruncateTokenFilter(stream, KEPT);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** {@code term} as the index holds it: folded, lower-cased, cut; for prefix queries. */
    static String cut(String term) {
        return term.length() <= KEPT ? term : term.substring(0, KEPT);
    }

    private static NormalizeCharMap folding() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"ʻ", "ʼ", "'", "’", "‘", "`"}) {
            builder.add(apostrophe, "");
        }
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        return builder.build();
    }
}
