package org.outpost.core.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.outpost.core.article.Article;

/**
 * An article as it is sent to the index: its own fields, plus its title and body as {@link SearchAnalyzer} terms,
 * which is what text queries match (see {@link LuceneToElasticsearch}). Reads never need the terms back.
 */
final class IndexedArticle {

    static final String[] DERIVED_FIELDS = {SearchAnalyzer.SEARCH_TITLE, SearchAnalyzer.SEARCH_BODY};

    private final Article article;
    private final String searchTitle;
    private final String searchBody;

    private IndexedArticle(Article article) {
        this.article = article;
        this.searchTitle = QueryText.ANALYZER.terms(SearchAnalyzer.TITLE, article.title());
        this.searchBody = QueryText.ANALYZER.terms(SearchAnalyzer.BODY, article.body());
    }

    static IndexedArticle of(Article article) {
        return new IndexedArticle(article);
    }

    @JsonUnwrapped
    public Article getArticle() {
        return article;
    }

    @JsonProperty(SearchAnalyzer.SEARCH_TITLE)
    public String getSearchTitle() {
        return searchTitle;
    }

    @JsonProperty(SearchAnalyzer.SEARCH_BODY)
    public String getSearchBody() {
        return searchBody;
    }
}
