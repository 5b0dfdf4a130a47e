package org.outpost.dashboard.article.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.dashboard.article.QueryPolicy;
import org.outpost.dashboard.article.TimeParam;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports every article a search matches, streamed in batches so a large export never holds the
 * result set in memory. Served under the API (HTTP Basic) and under {@code /export} for the
 * signed-in browser (Explore's export links).
 */
@RestController
class ArticleExportController {

    private static final int BATCH = 500;
    private final ArticleSearch search;
    private final QueryPolicy policy;

    ArticleExportController(ArticleSearch search, QueryPolicy policy) {
        this.search = search;
        this.policy = policy;
    }

    @GetMapping({"/api/v1/articles/export", "/export/articles"})
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable List<String> topic,
            @RequestParam(defaultValue = "0") double minScore,
            @RequestParam(required = false) @Nullable List<String> facetSource,
            @RequestParam(required = false) @Nullable List<String> entity,
            @RequestParam(required = false) @Nullable List<String> language,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "UTC") String tz,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("format must be csv or json, was '" + format + "'");
        }
        ArticleQuery.Filters.check("topic", list(topic));
        ArticleQuery.Filters.check("facetSource", list(facetSource));
        ArticleQuery.Filters.check("entity", list(entity));
        ArticleQuery.Filters.check("language", list(language));
        Map<String, Double> topics = new LinkedHashMap<>();
        if (topic != null) {
            topic.forEach(t -> topics.put(t, minScore));
        }
        java.time.ZoneId zone = TimeParam.zone("tz", tz);
        ArticleQuery query = new ArticleQuery(
                q,
                source,
                TimeParam.parse("from", from, false, zone),
                TimeParam.parse("to", to, true, zone),
                0,
                1,
                new ArticleQuery.Filters(topics, list(facetSource), list(entity), list(language)),
                sort.equals("relevance") ? ArticleQuery.Sort.RELEVANCE : ArticleQuery.Sort.NEWEST);
        policy.check(query.text());
        search.search(query); // a bad query fails here, as a 400, before any byte is streamed
        String file = "outpost-articles-" + LocalDate.now() + "." + format;
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8" : MediaType.APPLICATION_JSON_VALUE);
        // written batch by batch on the request thread: the servlet container streams it out
        try (ArticleExport export = ArticleExport.of(format, response.getOutputStream())) {
            search.forEachMatch(query, BATCH, export::write);
        }
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
