package org.outpost.dashboard.article;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticlePage;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStories;
import org.outpost.core.index.Facets;
import org.outpost.dashboard.cache.CachedAggregations;
import org.springframework.stereotype.Service;

/**
 * What the views read about articles: Explore's search and facets, the source names a filter
 * offers, and an article with its story. The views call this, never the index.
 */
@Service
public class ArticleService {

    static final int RELATED = 5;
    static final int COPIES = 50;

    private final ArticleIndex index;
    private final ArticleSearch search;
    private final ArticleStories stories;
    private final QueryPolicy policy;
    private final CachedAggregations aggregations;

    ArticleService(
            ArticleIndex index,
            ArticleSearch search,
            ArticleStories stories,
            QueryPolicy policy,
            CachedAggregations aggregations) {
        this.index = index;
        this.search = search;
        this.stories = stories;
        this.policy = policy;
        this.aggregations = aggregations;
    }

    /**
     * @throws org.outpost.core.index.InvalidQueryException when the query text is not valid syntax, or passes the
     *     signed-in user's limits ({@link QueryPolicy})
     * @throws org.outpost.core.index.SearchTimeoutException when the search took too long
     */
    public ArticlePage search(ArticleQuery query) {
        policy.check(query.text());
        return search.search(query);
    }

    /**
     * Checks the query text against the signed-in user's limits and syntax without searching: Explore checks on the
     * reader's thread, where the reader is known, and searches in the background ({@link #searchChecked}).
     *
     * @throws org.outpost.core.index.InvalidQueryException as {@link #search}
     */
    public void check(ArticleQuery query) {
        policy.check(query.text());
    }

    /**
     * A search for a query {@link #check} has just passed: it runs off the reader's thread, where the reader (and so
     * their limits) is not known.
     *
     * @throws org.outpost.core.index.InvalidQueryException when the index refuses the query's syntax
     * @throws org.outpost.core.index.SearchTimeoutException when the search took too long
     */
    public ArticlePage searchChecked(ArticleQuery query) {
        return search.search(query);
    }

    /** What the signed-in user's query texts may ask: for the alert and report forms, checked by their services. */
    public org.outpost.core.index.QueryLimits queryLimits() {
        return policy.limits();
    }

    /**
     * Counts for the query a {@link #search} has just checked: the counting runs off the reader's thread, where the
     * reader (and so their limits) is not known. The same query counts the same for every reader: kept a while.
     */
    public Facets facets(ArticleQuery query, int size) {
        return aggregations.facets(query, size);
    }

    /**
     * The most frequent source names, most articles first: what a source filter offers. An aggregation over every
     * article, the same for every reader: kept for minutes, so a new source shows up in the list within that.
     */
    public List<String> sources(int max) {
        return aggregations.sources(max);
    }

    public Optional<Article> get(String id) {
        return index.get(id);
    }

    /** The article's story: the original it copies, the copies recorded of it, and up to five related stories. */
    public Story story(Article article) {
        String originalId = article.duplicateOf();
        Article original = originalId == null ? null : index.get(originalId).orElse(null);
        // a copy's original is named above the list; one extra hit keeps five after dropping it
        List<Article> related = stories.related(article.id(), RELATED + 1).stream()
                .filter(a -> !a.id().equals(originalId))
                .limit(RELATED)
                .toList();
        return new Story(original, stories.duplicatesOf(article.id(), COPIES), related);
    }

    /** @param original the article this one copies, when it is a copy and the original is still indexed */
    public record Story(@Nullable Article original, List<Article> copies, List<Article> related) {}
}
