package org.outpost.alerts.match;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Story;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stories each subscription matched, each once. */
@Repository
public class MatchRepository {

    private final JdbcClient jdbc;

    public MatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the subscription had matched this story (or a copy of it) already */
    public boolean record(long subscriptionId, Story story, Instant now, boolean digested) {
        return jdbc.sql(
                                "insert into alert_match (subscription_id, story_id, article_id, title, url, source, dated_at,"
                                        + " matched_at, digested) select ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)"
                                        + " where not exists (select 1 from alert_match where subscription_id = ? and story_id = ?)")
                        .params(
                                subscriptionId,
                                story.storyId(),
                                story.articleId(),
                                truncate(story.title(), 1000),
                                story.url() != null && story.url().length() <= 4096 ? story.url() : null,
                                truncate(story.source(), 300),
                                ts(story.datedAt()),
                                Timestamp.from(now),
                                digested,
                                subscriptionId,
                                story.storyId())
                        .update()
                > 0;
    }

    /** Matches since {@code since} (storm control counts them). */
    public long countSince(long subscriptionId, Instant since) {
        return jdbc.sql("select count(*) from alert_match where subscription_id = ? and matched_at > ?")
                .params(subscriptionId, Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** The matches no digest has carried yet, oldest first. */
    public List<Story> undigested(long subscriptionId, int limit) {
        return jdbc.sql("select story_id, article_id, title, url, source, dated_at from alert_match"
                        + " where subscription_id = ? and digested = false order by matched_at, story_id"
                        + " fetch first " + limit + " rows only")
                .param(subscriptionId)
                .query((rs, row) -> new Story(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    public void markDigested(long subscriptionId, List<String> storyIds) {
        for (String id : storyIds) {
            jdbc.sql("update alert_match set digested = true where subscription_id = ? and story_id = ?")
                    .params(subscriptionId, id)
                    .update();
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
