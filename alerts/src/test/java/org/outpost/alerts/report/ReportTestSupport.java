package org.outpost.alerts.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;

/** A fresh database name and index per test, and articles with known dates, sources and topics. */
abstract class ReportTestSupport {

    static final ReportService.Caller ANALYST = new ReportService.Caller("analyst", false, false);

    final String database = "reports" + UUID.randomUUID().toString().replace("-", "");
    final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "reports-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));

    ReportTestSupport() {
        index.ensureExists();
    }

    static Article article(String slug, String source, Instant at, String topic, double score, List<String> entities) {
        String url = "https://" + source.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/news/" + slug;
        Article plain = Article.builder(
                        source,
                        "Story " + slug + " about " + topic.replace('_', ' '),
                        "Body of story " + slug + ": officials reported events related to " + topic.replace('_', ' ')
                                + ".")
                .url(url)
                .publishedAt(at)
                .build();
        return new Article(
                plain.id(),
                plain.title(),
                plain.body(),
                plain.url(),
                plain.canonicalUrl(),
                source,
                null,
                at,
                null,
                null,
                "en",
                Map.of(topic, score),
                List.of(topic),
                entities,
                plain.contentHash(),
                null,
                null);
    }

    static ReportDefinition daily(
            String name, List<String> topics, List<String> recipients, @Nullable String schedule) {
        return new ReportDefinition(name, "day", schedule, "UTC", topics, null, List.of(), recipients, true);
    }
}
