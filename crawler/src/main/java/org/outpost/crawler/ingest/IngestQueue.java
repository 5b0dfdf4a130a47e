package org.outpost.crawler.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Articles waiting for the index, in the database: they survive a restart and are indexed by
 * {@link QueueDrainer} when Elasticsearch is back. Rows are deleted only after indexing succeeded.
 */
@Repository
public class IngestQueue {

    /** A queued article with its row id. */
    public record Entry(long id, Article article, int attempts) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json = ArticleJson.mapper();

    public IngestQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(List<Article> articles) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Article article : articles) {
            jdbc.sql("insert into ingest_queue (article_id, article, enqueued_at) values (?, ?, ?)")
                    .params(article.id(), write(article), now)
                    .update();
        }
    }

    public List<Entry> oldest(int max) {
        return jdbc.sql("select id, article, attempts from ingest_queue order by id fetch first " + max + " rows only")
                .query((rs, row) -> new Entry(rs.getLong("id"), read(rs.getString("article")), rs.getInt("attempts")))
                .list();
    }

    public void remove(List<Long> ids) {
        for (long id : ids) {
            jdbc.sql("delete from ingest_queue where id = ?").param(id).update();
        }
    }

    public void failed(List<Long> ids, String reason) {
        for (long id : ids) {
            jdbc.sql("update ingest_queue set attempts = attempts + 1, last_error = ? where id = ?")
                    .params(reason.length() > 2000 ? reason.substring(0, 2000) : reason, id)
                    .update();
        }
    }

    public long depth() {
        return jdbc.sql("select count(*) from ingest_queue").query(Long.class).single();
    }

    private String write(Article article) {
        try {
            return json.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise article " + article.id(), e);
        }
    }

    private Article read(String value) {
        try {
            return json.readValue(value, Article.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable queued article: " + e.getOriginalMessage(), e);
        }
    }
}
