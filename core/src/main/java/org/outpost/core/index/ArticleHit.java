package org.outpost.core.index;

import org.outpost.core.article.Article;

/**
 * One search result.
 *
 * @param snippet HTML: the article text escaped, with matched terms in {@code <mark>} tags
 * @param titleHtml HTML: the title escaped, with matched terms in {@code <mark>} tags
 */
public record ArticleHit(Article article, String snippet, String titleHtml) {}
