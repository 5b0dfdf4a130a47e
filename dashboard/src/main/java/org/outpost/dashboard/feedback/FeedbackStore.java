package org.outpost.dashboard.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code topic_feedback} and {@code feedback_article} tables. A null topic is the
 * article-level verdict; SQL never compares it with {@code =}, so each statement comes in a
 * with-topic and a without-topic form.
 */
@Repository
class FeedbackStore {

    private static final String COLUMNS = "username, article_id, topic, verdict, score, language, given_at";

    private final JdbcClient jdbc;
    /** The copy's insert may meet another user's first verdict on the same article: undone alone, not the caller's transaction. */
    private final TransactionTemplate savepoint;

    FeedbackStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One stored verdict with whose it is. */
    record Vote(String user, Feedback feedback) {}

    /** The stored copy of an article's text. */
    record StoredText(
            String articleId,
            String title,
            String body,
            @Nullable String language) {}

    Optional<Feedback> find(String user, String articleId, @Nullable String topic) {
        return (topic == null
                        ? jdbc.sql(
                                        "select " + COLUMNS
                                                + " from topic_feedback where username = ? and article_id = ? and topic is null")
                                .params(user, articleId)
                        : jdbc.sql("select " + COLUMNS
                                        + " from topic_feedback where username = ? and article_id = ? and topic = ?")
                                .params(user, articleId, topic))
                .query((rs, row) -> vote(rs).feedback())
                .optional();
    }

    /** Replaces the user's verdict on this article and topic (run inside a transaction). */
    void replace(String user, Feedback feedback) {
        delete(user, feedback.articleId(), feedback.topic());
        jdbc.sql("insert into topic_feedback (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        user,
                        feedback.articleId(),
                        feedback.topic(),
                        feedback.verdict().name(),
                        feedback.score(),
                        feedback.language(),
                        Timestamp.from(feedback.givenAt()))
                .update();
    }

    boolean delete(String user, String articleId, @Nullable String topic) {
        return (topic == null
                                ? jdbc.sql("delete from topic_feedback where username = ? and article_id = ?"
                                                + " and topic is null")
                                        .params(user, articleId)
                                : jdbc.sql("delete from topic_feedback where username = ? and article_id = ?"
                                                + " and topic = ?")
                                        .params(user, articleId, topic))
                        .update()
                > 0;
    }

    /** The user's verdicts on one article, the article-level one first, then by topic. */
    List<Feedback> of(String user, String articleId) {
        return jdbc.sql("select " + COLUMNS + " from topic_feedback where username = ? and article_id = ?"
                        + " order by case when topic is null then 0 else 1 end, topic")
                .params(user, articleId)
                .query((rs, row) -> vote(rs).feedback())
                .list();
    }

    /** Every verdict of every user, oldest first. */
    List<Vote> all() {
        return jdbc.sql("select " + COLUMNS + " from topic_feedback order by given_at, id")
                .query((rs, row) -> vote(rs))
                .list();
    }

    /** Every verdict on one topic, and every article-level one. */
    List<Vote> onTopic(String topic) {
        return jdbc.sql("select " + COLUMNS + " from topic_feedback where topic = ? or topic is null"
                        + " order by given_at, id")
                .params(topic)
                .query((rs, row) -> vote(rs))
                .list();
    }

    /** Keeps (or refreshes) the copy of the article's text the feedback is about. */
    void keepText(StoredText text, Instant now) {
        if (updateText(text, now) > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(
                    status -> jdbc.sql("insert into feedback_article (article_id, title, body, language, stored_at)"
                                    + " values (?, ?, ?, ?, ?)")
                            .params(text.articleId(), text.title(), text.body(), text.language(), Timestamp.from(now))
                            .update());
        } catch (DuplicateKeyException e) {
            // another user's first verdict on this article stored the copy a moment ago
            updateText(text, now);
        }
    }

    /** Drops the copy of the article's text once nobody has a verdict on it. */
    void forgetTextIfUnused(String articleId) {
        jdbc.sql("delete from feedback_article where article_id = ?"
                        + " and not exists (select 1 from topic_feedback where article_id = ?)")
                .params(articleId, articleId)
                .update();
    }

    Map<String, StoredText> texts() {
        Map<String, StoredText> texts = new LinkedHashMap<>();
        jdbc.sql("select article_id, title, body, language from feedback_article order by article_id")
                .query((rs, row) -> new StoredText(
                        rs.getString("article_id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("language")))
                .list()
                .forEach(t -> texts.put(t.articleId(), t));
        return texts;
    }

    /** Titles of the stored copies, for lists that must not need the article index. */
    Map<String, String> titles(List<String> articleIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return titles;
        }
        jdbc.sql("select article_id, title from feedback_article where article_id in (:ids)")
                .param("ids", articleIds)
                .query((rs, row) -> Map.entry(rs.getString("article_id"), rs.getString("title")))
                .list()
                .forEach(e -> titles.put(e.getKey(), e.getValue()));
        return titles;
    }

    private int updateText(StoredText text, Instant now) {
        return jdbc.sql("update feedback_article set title = ?, body = ?, language = ?, stored_at = ?"
                        + " where article_id = ?")
                .params(text.title(), text.body(), text.language(), Timestamp.from(now), text.articleId())
                .update();
    }

    private static Vote vote(ResultSet rs) throws SQLException {
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : score;
        return new Vote(
                rs.getString("username"),
                new Feedback(
                        rs.getString("article_id"),
                        rs.getString("topic"),
                        Verdict.valueOf(rs.getString("verdict")),
                        rs.getTimestamp("given_at").toInstant(),
                        scoreOrNull,
                        rs.getString("language")));
    }
}
