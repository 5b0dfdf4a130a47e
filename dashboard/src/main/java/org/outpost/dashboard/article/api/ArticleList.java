package org.outpost.dashboard.article.api;

import java.util.List;

/** A page of articles and the number of all matches. */
record ArticleList(long total, int page, int size, List<ArticleSummary> items) {}
