package org.outpost.dashboard.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ArticleExportTest extends OutpostAppTest {

    @LocalServerPort
    int port;

    @Autowired
    IngestPipeline pipeline;

    @Autowired
    org.outpost.core.index.ArticleIndex index;

    @Test
    void csvAndJsonExportsHoldEveryMatchAndCrawledTextCannotBecomeAFormula() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        Article hostile = Article.builder(
                        "Export test agency",
                        "=HYPERLINK(\"http://evil.example\",\"click\")",
                        "Border guards in Batken, \"quoted\", stopped smugglers; the report says so. ".repeat(4))
                .url("https://export.example/" + Instant.now().toEpochMilli())
                .fetchedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(hostile, s -> {});
        }
        index.refresh();
        long total = ApiClient.json(admin.get("/api/v1/articles?size=1"))
                .path("total")
                .asLong();

        HttpResponse<String> csv = admin.get("/api/v1/articles/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains(".csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFid,title,source");
        assertThat(lines).hasSize((int) total + 1);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");

        HttpResponse<String> json = admin.get("/api/v1/articles/export?format=json&q=Batken");
        JsonNode array = ApiClient.json(json);
        assertThat(array.isArray()).isTrue();
        assertThat(array.size())
                .isEqualTo(ApiClient.json(admin.get("/api/v1/articles?q=Batken&size=1"))
                        .path("total")
                        .asInt());
        assertThat(array.findValuesAsText("source")).contains("Export test agency");

        HttpResponse<String> filtered =
                admin.get("/api/v1/articles/export?format=json&topic=drug_trafficking&minScore=0.5");
        for (JsonNode article : ApiClient.json(filtered)) {
            assertThat(article.path("topicScores").path("drug_trafficking").asDouble())
                    .isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void badExportsAreRefusedWithTheReason() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        HttpResponse<String> format = admin.get("/api/v1/articles/export?format=xlsx");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(format).path("message").asText()).contains("csv or json");
        HttpResponse<String> query = admin.get("/api/v1/articles/export?q=border%20AND%20(");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(ApiClient.anonymous(port).get("/api/v1/articles/export").statusCode())
                .isEqualTo(401);
    }
}
