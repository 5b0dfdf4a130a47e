package org.outpost.dashboard.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code topic_model} table: the models trained in the app, their figures and which one is in
 * use. A switch locks the {@code model_training_run} row first, so two admins switching at once
 * are one after the other and never leave two models active.
 */
@Repository
public class TopicModels {

    private static final String COLUMNS = "version, trained_at, trained_by, state, summary_json, quality_json,"
            + " baseline_version, baseline_json, rules_json, held_out_texts, feedback_texts, activated_at,"
            + " activated_by, replaces";

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    TopicModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a trained model as the candidate, in place of older candidates. The same model trained
     * again (the same version) replaces its row with the new figures, unless it is the one in use.
     */
    @Transactional
    public void storeCandidate(ModelRecord model, String text) {
        lock();
        Optional<ModelRecord> existing = find(model.version());
        if (existing.isPresent() && existing.get().state() == ModelState.ACTIVE) {
            return;
        }
        jdbc.sql("delete from topic_model where version = ?")
                .param(model.version())
                .update();
        add(model, text);
        retireCandidatesExcept(model.version());
    }

    /** Stores a model as it is given. */
    void add(ModelRecord model, String text) {
        jdbc.sql("insert into topic_model (" + COLUMNS + ", model_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)")
                .params(
                        model.version(),
                        ts(model.trainedAt()),
                        model.trainedBy(),
                        model.state().column(),
                        write(model.summary()),
                        write(model.quality()),
                        model.baselineVersion(),
                        write(model.baseline()),
                        write(model.rules()),
                        model.heldOutTexts(),
                        model.feedbackTexts(),
                        model.activatedAt() == null ? null : ts(model.activatedAt()),
                        model.activatedBy(),
                        model.replaces(),
                        text)
                .update();
    }

    /** Newest first. */
    public List<ModelRecord> list() {
        return jdbc.sql("select " + COLUMNS + " from topic_model order by trained_at desc, version")
                .query(this::map)
                .list();
    }

    public Optional<ModelRecord> find(String version) {
        return jdbc.sql("select " + COLUMNS + " from topic_model where version = ?")
                .param(version)
                .query(this::map)
                .optional();
    }

    /** The model switched on, if any (none: the shipped one is in use). */
    public Optional<ModelRecord> active() {
        return jdbc.sql("select " + COLUMNS + " from topic_model where state = 'active'")
                .query(this::map)
                .optional();
    }

    /** The newest candidate, if any. */
    public Optional<ModelRecord> candidate() {
        return jdbc.sql("select " + COLUMNS + " from topic_model where state = 'candidate'"
                        + " order by trained_at desc, version fetch first 1 rows only")
                .query(this::map)
                .optional();
    }

    /** The active model itself, parsed; null when the shipped one is in use. */
    public @Nullable TopicModel activeModel() {
        return jdbc.sql("select model_text from topic_model where state = 'active'")
                .query(String.class)
                .optional()
                .map(TopicModel::parse)
                .orElse(null);
    }

    @Nullable
    TopicModel model(String version) {
        return jdbc.sql("select model_text from topic_model where version = ?")
                .param(version)
                .query(String.class)
                .optional()
                .map(TopicModel::parse)
                .orElse(null);
    }

    /** Older candidates are retired when a new one is stored: there is one to compare at a time. */
    void retireCandidatesExcept(String version) {
        jdbc.sql("update topic_model set state = 'retired' where state = 'candidate' and version <> ?")
                .param(version)
                .update();
    }

    void setState(String version, ModelState state) {
        jdbc.sql("update topic_model set state = ? where version = ?")
                .params(state.column(), version)
                .update();
    }

    /**
     * Switches {@code version} on in place of the active model, which it records as the one it replaces.
     *
     * @param expectedActive the active version the caller judged against ({@link ModelRecord#SHIPPED} for none)
     * @return false when the active model is no longer {@code expectedActive} (someone switched meanwhile)
     */
    @Transactional
    public boolean activate(String version, String expectedActive, String by, Instant now) {
        lock();
        String current = active().map(ModelRecord::version).orElse(ModelRecord.SHIPPED);
        if (!current.equals(expectedActive)) {
            return false;
        }
        jdbc.sql("update topic_model set state = 'retired' where state = 'active'")
                .update();
        jdbc.sql("update topic_model set state = 'active', activated_at = ?, activated_by = ?, replaces = ?"
                        + " where version = ?")
                .params(ts(now), by, ModelRecord.SHIPPED.equals(current) ? null : current, version)
                .update();
        return true;
    }

    /**
     * Puts back the model the active one replaced (none: the shipped one).
     *
     * @return the version now in use, {@link ModelRecord#SHIPPED} for the shipped model; empty when the
     *     shipped model was in use already
     */
    @Transactional
    public Optional<String> rollBack(String by, Instant now) {
        lock();
        Optional<ModelRecord> active = active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update topic_model set state = 'retired' where state = 'active'")
                .update();
        String previous = active.get().replaces();
        if (previous == null || find(previous).isEmpty()) {
            return Optional.of(ModelRecord.SHIPPED);
        }
        jdbc.sql("update topic_model set state = 'active', activated_at = ?, activated_by = ? where version = ?")
                .params(ts(now), by, previous)
                .update();
        return Optional.of(previous);
    }

    private void lock() {
        jdbc.sql("select id from model_training_run where id = 1 for update")
                .query(Integer.class)
                .optional();
    }

    private ModelRecord map(ResultSet rs, int row) throws SQLException {
        return new ModelRecord(
                rs.getString("version"),
                rs.getTimestamp("trained_at").toInstant(),
                rs.getString("trained_by"),
                ModelState.ofColumn(rs.getString("state")),
                read(rs.getString("summary_json"), TrainingSummary.class),
                read(rs.getString("quality_json"), QualityReport.class),
                rs.getString("baseline_version"),
                read(rs.getString("baseline_json"), QualityReport.class),
                read(rs.getString("rules_json"), QualityReport.class),
                rs.getInt("held_out_texts"),
                rs.getInt("feedback_texts"),
                instant(rs.getTimestamp("activated_at")),
                rs.getString("activated_by"),
                rs.getString("replaces"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
