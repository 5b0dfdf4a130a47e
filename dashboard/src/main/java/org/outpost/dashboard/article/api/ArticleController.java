package org.outpost.dashboard.article.api;

import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticlePage;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.article.ArticleService;
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
    private final ArticleService search;

    ArticleController(ArticleIndex index, ArticleService search) {
        this.index = index;
        this.search = search;
    }

    @GetMapping
    ArticleList list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) java.util.@Nullable List<String> topic,
            @RequestParam(required = false) java.util.@Nullable List<String> entity,
            @RequestParam(required = false) java.util.@Nullable List<String> language,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ArticleQuery.Filters filters = new ArticleQuery.Filters(
                orEmpty("topic", topic).stream()
                        .collect(java.util.stream.Collectors.toMap(t -> t, t -> 0.0, (a, b) -> a)),
                java.util.List.of(),
                orEmpty("entity", entity),
                orEmpty("language", language).stream()
                        .map(ArticleController::languageCode)
                        .toList());
        ArticleQuery query = new ArticleQuery(
                q,
                source,
                TimeParam.parse("from", from, false),
                TimeParam.parse("to", to, true),
                page,
                size,
                filters,
                ArticleQuery.Sort.RELEVANCE);
        ArticlePage result = search.search(query);
        return new ArticleList(
                result.total(),
                page,
                size,
                result.items().stream().map(ArticleSummary::of).toList());
    }

    /** Repeated or comma-separated values ({@code ?language=ru&language=en} or {@code ?language=ru,en}); any of them matches. */
    private static java.util.List<String> orEmpty(String field, java.util.@Nullable List<String> values) {
        java.util.List<String> out = values == null
                ? java.util.List.of()
                : values.stream()
                        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
        ArticleQuery.Filters.check(field, out);
        return out;
    }

    private static String languageCode(String value) {
        org.outpost.core.language.Language language = org.outpost.core.language.Language.ofCode(value);
        return language == null ? value : language.code();
    }

    @GetMapping("/{id}")
    ArticleDetail get(@PathVariable String id) {
        return index.get(id).map(ArticleDetail::of).orElseThrow(() -> new ArticleNotFoundException(id));
    }
}
