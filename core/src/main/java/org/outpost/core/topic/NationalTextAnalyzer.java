package org.outpost.core.topic;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis for Tajik, Uzbek (Latin and Cyrillic), Kyrgyz and Kazakh, which Lucene has no
 * stemmer for: words are kept whole and lower-cased, and clauses match them by their start
 * ({@link NationalQueryParser}).
 *
 * <p>Folded, because writers do not agree: the Uzbek Latin apostrophe is written five ways
 * (oʻ o' o’ o‘ o`) and is dropped, so "Oʻzbekiston" and "O'zbekiston" are one word; Tajik ӣ and ӯ
 * are read as и and у (сарҳадӣ / сарҳадии, кӯҳ / куҳ), and ё as е.
 */
final class NationalTextAnalyzer extends Analyzer {

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
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static NormalizeCharMap folding() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"ʻ", "ʼ", "'", "’", "‘", "`"}) {
            builder.add(apostrophe, "");
        }
        String[][] letters = {{"ё", "е"}, {"Ё", "Е"}, {"ӣ", "и"}, {"Ӣ", "И"}, {"ӯ", "у"}, {"Ӯ", "У"}};
        for (String[] pair : letters) {
            builder.add(pair[0], pair[1]);
        }
        return builder.build();
    }
}
