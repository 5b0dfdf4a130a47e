package org.outpost.crawler.crawl;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.ArticleId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * ETag and Last-Modified of a source's feeds and sitemaps, for conditional GET. New values are
 * saved only after a run completed: a 304 must never hide articles an interrupted run missed.
 */
@Repository
class FetchValidators {

    record Validators(@Nullable String etag, @Nullable String lastModified) {}

    private final JdbcClient jdbc;

    FetchValidators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Validators find(long sourceId, URI uri) {
        return jdbc.sql("select etag, last_modified from fetch_validator where source_id = ? and url_hash = ?")
                .params(sourceId, hash(uri))
                .query((rs, row) -> new Validators(rs.getString("etag"), rs.getString("last_modified")))
                .optional()
                .orElse(new Validators(null, null));
    }

    void saveAll(long sourceId, Map<URI, Validators> validators) {
        for (Map.Entry<URI, Validators> entry : new HashMap<>(validators).entrySet()) {
            String key = hash(entry.getKey());
            jdbc.sql("delete from fetch_validator where source_id = ? and url_hash = ?")
                    .params(sourceId, key)
                    .update();
            Validators v = entry.getValue();
            if (v.etag() != null || v.lastModified() != null) {
                jdbc.sql("insert into fetch_validator (source_id, url_hash, etag, last_modified) values (?, ?, ?, ?)")
                        .params(sourceId, key, truncate(v.etag(), 1000), truncate(v.lastModified(), 100))
                        .update();
            }
        }
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : null;
    }

    private static String hash(URI uri) {
        return ArticleId.contentHash(uri.toString(), "");
    }
}
