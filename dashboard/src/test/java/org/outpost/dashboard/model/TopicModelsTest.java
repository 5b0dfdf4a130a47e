package org.outpost.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.classify.Classifier;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.ModelTrainer;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicCounts;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingProgress;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code topic_model} table on each database vendor (the app's database, shared with the other
 * tests: these touch only their own two models and leave none of them active): models and their
 * figures as stored, switch and rollback.
 */
@Tag(TestDatabases.TAG)
class TopicModelsTest extends OutpostAppTest {

    private static TopicModel small;
    private static TopicModel other;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicModels models;

    @Autowired
    TrainingRuns runs;

    @BeforeAll
    static void train() {
        Classifier classifier = Classifier.defaults();
        LabelledSets sets = LabelledSets.shipped(classifier.topicDefinitions().ids());
        small = new ModelTrainer(classifier.rules()).train(sets.training().subList(0, 80), TrainingProgress.NONE);
        other = new ModelTrainer(classifier.rules()).train(sets.training().subList(80, 200), TrainingProgress.NONE);
    }

    @BeforeEach
    @AfterEach
    void forgetTheseModels() {
        jdbc.sql("delete from topic_model where version in (?, ?)")
                .params(small.version(), other.version())
                .update();
        assertThat(models.active()).as("the shipped model in use").isEmpty();
    }

    @Test
    void aCandidateIsStoredWithItsFiguresAndItsTextReadsBackAsTheSameModel() {
        // later than any other test's model: the newest candidate
        Instant trainedAt = Instant.parse("2099-12-05T09:30:00Z");
        ModelRecord record = record(small, trainedAt, "admin", ModelRecord.SHIPPED);

        models.storeCandidate(record, small.format());

        ModelRecord stored = models.find(small.version()).orElseThrow();
        assertThat(stored).isEqualTo(record);
        assertThat(stored.quality().languages().get("en").topics().get("terrorism"))
                .isEqualTo(new TopicCounts(8, 2, 1));
        assertThat(models.candidate()).contains(record);
        assertThat(models.list()).contains(record);
        assertThat(models.active()).isEmpty();
        assertThat(models.activeModel()).as("the shipped one is in use").isNull();
        TopicModel read = models.model(small.version());
        assertThat(read).isNotNull();
        assertThat(read.version()).isEqualTo(small.version());
        assertThat(read.format()).isEqualTo(small.format());
    }

    @Test
    void aNewCandidateRetiresTheOlderOneAndTheSameModelTrainedAgainReplacesItsRow() {
        Instant first = Instant.parse("2026-12-05T09:00:00Z");
        models.storeCandidate(record(small, first, "admin", ModelRecord.SHIPPED), small.format());
        models.storeCandidate(
                record(other, first.plus(1, ChronoUnit.HOURS), "schedule", ModelRecord.SHIPPED), other.format());

        assertThat(models.find(small.version()).orElseThrow().state()).isEqualTo(ModelState.RETIRED);
        assertThat(models.candidate().orElseThrow().version()).isEqualTo(other.version());

        models.storeCandidate(
                record(small, first.plus(2, ChronoUnit.HOURS), "admin", ModelRecord.SHIPPED), small.format());

        assertThat(models.list())
                .filteredOn(m -> m.version().equals(small.version()))
                .hasSize(1);
        ModelRecord again = models.find(small.version()).orElseThrow();
        assertThat(again.state()).isEqualTo(ModelState.CANDIDATE);
        assertThat(again.trainedAt()).isEqualTo(first.plus(2, ChronoUnit.HOURS));
        assertThat(models.find(other.version()).orElseThrow().state()).isEqualTo(ModelState.RETIRED);
    }

    @Test
    void switchingOnRecordsWhatWasReplacedAndRollingBackWalksBackToTheShippedModel() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        models.storeCandidate(record(small, now, "admin", ModelRecord.SHIPPED), small.format());
        assertThat(models.activate(small.version(), ModelRecord.SHIPPED, "admin", now))
                .isTrue();
        models.storeCandidate(record(other, now, "admin", small.version()), other.format());

        assertThat(models.activate(other.version(), ModelRecord.SHIPPED, "admin", now))
                .as("judged against a model no longer in use")
                .isFalse();
        assertThat(models.activate(other.version(), small.version(), "boss", now.plusSeconds(60)))
                .isTrue();

        ModelRecord active = models.active().orElseThrow();
        assertThat(active.version()).isEqualTo(other.version());
        assertThat(active.activatedBy()).isEqualTo("boss");
        assertThat(active.activatedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(active.replaces()).isEqualTo(small.version());
        assertThat(models.find(small.version()).orElseThrow().state()).isEqualTo(ModelState.RETIRED);
        assertThat(models.activeModel().version()).isEqualTo(other.version());

        assertThat(models.rollBack("boss", now.plusSeconds(120))).contains(small.version());
        assertThat(models.active().orElseThrow().version()).isEqualTo(small.version());
        assertThat(models.find(other.version()).orElseThrow().state()).isEqualTo(ModelState.RETIRED);

        assertThat(models.rollBack("boss", now.plusSeconds(180))).contains(ModelRecord.SHIPPED);
        assertThat(models.active()).isEmpty();
        assertThat(models.rollBack("boss", now.plusSeconds(240)))
                .as("nothing before the shipped model")
                .isEmpty();
    }

    @Test
    void ofTheInstancesWhoseSchedulesFireForOneTickOneClaimsIt() {
        Instant tick = Instant.parse("2099-01-01T03:30:00Z");
        try {
            assertThat(runs.claimTick(tick)).isTrue();
            assertThat(runs.claimTick(tick)).as("the other instance, same tick").isFalse();
            assertThat(runs.claimTick(tick.plusSeconds(60))).as("the next tick").isTrue();
        } finally {
            jdbc.sql("update model_training_run set scheduled_for = null where id = 1")
                    .update();
        }
    }

    private static ModelRecord record(TopicModel model, Instant trainedAt, String by, String baseline) {
        QualityReport quality = new QualityReport(Map.of(
                "en",
                new QualityReport.LanguageQuality(
                        40,
                        Map.of("terrorism", new TopicCounts(8, 2, 1), "drug_trafficking", new TopicCounts(5, 0, 0)))));
        QualityReport worse = new QualityReport(Map.of(
                "en", new QualityReport.LanguageQuality(40, Map.of("terrorism", new TopicCounts(6, 3, 3)))));
        return new ModelRecord(
                model.version(),
                trainedAt,
                by,
                ModelState.CANDIDATE,
                model.summary(),
                quality,
                baseline,
                worse,
                worse,
                243,
                List.of(1, 2, 3).size(),
                null,
                null,
                null);
    }
}
