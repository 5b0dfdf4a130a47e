package org.outpost.core.index;

import java.io.Reader;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text is analysed for search, in the JVM, for every language: the minimal Elasticsearch distribution
 * has no language analyzers, and the alert monitor must agree with the index on every query. So the JVM stems the
 * searchable text once at indexing time into {@value #SEARCH_TITLE} and {@value #SEARCH_BODY} (which the index
 * keeps with its standard analyzer, a no-op on these stems), and query terms are stemmed here the same way.
 *
 * <p>Title and body: Unicode word tokens, lower case, ё as е, and Russian light stemming, which only ever touches
 * Cyrillic endings: героин / героина / героином are one term, граница / границы / на границе another, while Latin
 * words keep today's behaviour (lower case, unstemmed). The national languages in Cyrillic go through the same
 * stemmer: not their grammar, but the same analysis on both sides, so a query still finds its own form. Keyword
 * fields (source, topics, entities, language, author, addresses) match whole; any other field uses the standard
 * analyzer, as Elasticsearch does.
 */
public final class SearchAnalyzer extends DelegatingAnalyzerWrapper {

    /** The analysed title and body as they are sent to the index. */
    public static final String SEARCH_TITLE = "search_title";

    public static final String SEARCH_BODY = "search_body";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String SOURCE_TEXT = "source.text";

    /** Fields whose values match whole, as their keyword mapping in the index does. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(
            "source",
            "topics",
            "entities",
            "language",
            "author",
            "url",
            "canonical_url",
            "id",
            "duplicate_of",
            "content_hash");

    private static final NormalizeCharMap YO = yo();

    private final Analyzer text = new TextAnalyzer();
    private final Analyzer keyword = new KeywordAnalyzer();
    private final Analyzer standard = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final Map<String, Analyzer> byField = Map.of(TITLE, text, BODY, text);

    public SearchAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    /**
     * The terms of a title or body, space-separated in text order, as the index stores them: Elasticsearch's standard
     * analyzer splits them back into the same terms, positions included, so phrases match there as they do here.
     */
    public String terms(String field, String text) {
        StringBuilder out = new StringBuilder(text.length());
        try (org.apache.lucene.analysis.TokenStream stream = tokenStream(field, text)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                    stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(term);
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("analysing a string cannot fail on I/O", e);
        }
        return out.toString();
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        Analyzer analyzer = byField.get(fieldName);
        if (analyzer != null) {
            return analyzer;
        }
        return KEYWORD_FIELDS.contains(fieldName) ? keyword : standard;
    }

    /** The analysis of title and body text. */
    private static final class TextAnalyzer extends Analyzer {

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new RussianLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static NormalizeCharMap yo() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        return builder.build();
    }
}
