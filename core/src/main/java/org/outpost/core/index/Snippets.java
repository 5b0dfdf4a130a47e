package org.outpost.core.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/**
 * Highlights a search's terms in the articles of one result page, in the JVM, with the analysis the search used:
 * the index matches on stems it cannot map back to the words of the text, while here "героин" marks героина and
 * героином where they stand. A page holds a few dozen articles, so this costs little.
 */
final class Snippets {

    static final int SNIPPET_CHARS = 240;
    /** Matches beyond this point of a very long text are not looked for (Elasticsearch stops at a million). */
    private static final int MAX_CHARS_ANALYZED = 200_000;

    private Snippets() {}

    /** The hit for an article: the query's matches marked in its title and in the best passage of its body. */
    static ArticleHit hit(Article article, @Nullable Query query) {
        String snippet = query == null ? null : best(query, SearchAnalyzer.BODY, article.body(), false);
        String title = query == null ? null : best(query, SearchAnalyzer.TITLE, article.title(), true);
        return new ArticleHit(
                article,
                snippet != null ? snippet : Html.escape(abbreviate(article.body())),
                title != null ? title : Html.escape(article.title()));
    }

    private static @Nullable String best(Query query, String field, String text, boolean whole) {
        if (text.isEmpty()) {
            return null;
        }
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
        highlighter.setMaxDocCharsToAnalyze(MAX_CHARS_ANALYZED);
        try (TokenStream tokens = QueryText.ANALYZER.tokenStream(field, text)) {
            String fragment = highlighter.getBestFragment(tokens, text);
            return fragment == null || fragment.isBlank() ? null : fragment.strip();
        } catch (IOException | InvalidTokenOffsetsException e) {
            // a text the analyzer cannot read back is shown unmarked rather than failing the search
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }
}
