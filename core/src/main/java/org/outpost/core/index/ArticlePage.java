package org.outpost.core.index;

import java.util.List;

/** One page of search results and the total number of matches. */
public record ArticlePage(long total, List<ArticleHit> items) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
