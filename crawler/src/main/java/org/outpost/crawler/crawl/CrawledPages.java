package org.outpost.crawler.crawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.ArticleId;
import org.outpost.crawler.ingest.IngestOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses (or files) a source has already turned into articles. Recorded only once the
 * article is indexed or queued, so an interrupted run leaves the rest for the next run.
 */
@Repository
class CrawledPages {

    record Known(Instant fetchedAt, @Nullable String contentHash) {}

    private final JdbcClient jdbc;

    CrawledPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Known> find(long sourceId, String url) {
        return jdbc.sql("select fetched_at, content_hash from crawled_page where source_id = ? and url_hash = ?")
                .params(sourceId, hash(url))
                .query((rs, row) -> new Known(rs.getTimestamp("fetched_at").toInstant(), rs.getString("content_hash")))
                .optional();
    }

    /** @param datedAt the article's date (publication, else first fetch): the source's history of publishing */
    void record(
            long sourceId,
            String url,
            @Nullable String articleId,
            @Nullable String contentHash,
            IngestOutcome outcome,
            @Nullable Instant datedAt) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp dated = datedAt == null ? null : Timestamp.from(datedAt);
        String key = hash(url);
        String shortUrl = url.length() > 4096 ? url.substring(0, 4096) : url;
        int updated = jdbc.sql(
                        "update crawled_page set url = ?, article_id = ?, content_hash = ?, outcome = ?, fetched_at = ?,"
                                + " dated_at = ? where source_id = ? and url_hash = ?")
                .params(shortUrl, articleId, contentHash, outcome.name(), now, dated, sourceId, key)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into crawled_page (source_id, url_hash, url, article_id, content_hash, outcome, fetched_at,"
                                    + " dated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(sourceId, key, shortUrl, articleId, contentHash, outcome.name(), now, dated)
                    .update();
        }
    }

    long count(long sourceId) {
        return jdbc.sql("select count(*) from crawled_page where source_id = ?")
                .param(sourceId)
                .query(Long.class)
                .single();
    }

    private static String hash(String url) {
        return ArticleId.contentHash(url, "");
    }
}
