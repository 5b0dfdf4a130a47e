package org.outpost.dashboard.article.api;

import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticlePage;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.article.TimeParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleIndex index;

    ArticleController(ArticleIndex index) {
        this.index = index;
    }

    @GetMapping
    ArticleList list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ArticleQuery query = new ArticleQuery(q, source, TimeParam.parse("from", from, false),
                TimeParam.parse("to", to, true), page, size);
        ArticlePage result = index.search(query);
        return new ArticleList(result.total(), page, size, result.items().stream().map(ArticleSummary::of).toList());
    }

    @GetMapping("/{id}")
    ArticleDetail get(@PathVariable String id) {
        return index.get(id).map(ArticleDetail::of).orElseThrow(() -> new ArticleNotFoundException(id));
    }
}
