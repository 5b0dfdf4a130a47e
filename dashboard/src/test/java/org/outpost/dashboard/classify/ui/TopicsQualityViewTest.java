package org.outpost.dashboard.classify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.core.topic.learn.ModelTrainer;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingProgress;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.model.ModelRecord;
import org.outpost.dashboard.model.ModelState;
import org.outpost.dashboard.model.TopicModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TopicsQualityViewTest extends ViewTest {

    @Autowired
    TopicModels models;

    @Autowired
    ClassifierService classifiers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorseCandidateIsShownBesideTheModelInUseWithSwitchOnDisabledAndTheReason() {
        Classifier inUse = classifiers.current();
        List<String> topics = inUse.topicDefinitions().ids();
        LabelledSets sets = LabelledSets.shipped(topics);
        // learned from a few texts: the clauses alone, worse than the shipped model on the held-out texts
        TopicModel few = new ModelTrainer(inUse.rules()).train(sets.training().subList(0, 60), TrainingProgress.NONE);
        models.storeCandidate(
                new ModelRecord(
                        few.version(),
                        Instant.now(),
                        "admin",
                        ModelState.CANDIDATE,
                        few.summary(),
                        measure(inUse.withModel(few), sets.heldOut(), topics),
                        ModelRecord.SHIPPED,
                        measure(inUse, sets.heldOut(), topics),
                        measure(inUse.withModel(null), sets.heldOut(), topics),
                        sets.heldOut().size(),
                        0,
                        null,
                        null,
                        null),
                few.format());
        try {
            navigate(TopicsView.class);

            Button switchOn = $(Button.class).withText("Switch on").single();
            assertThat(switchOn.isEnabled()).isFalse();
            assertThat($(Span.class).withClassName("switch-reason").single().getText())
                    .contains("worse over all languages");
            @SuppressWarnings("unchecked")
            Grid<Object> comparison =
                    $(Grid.class).withClassName("quality-comparison").single();
            assertThat(test(comparison).size())
                    .as("a line per topic and the micro line")
                    .isEqualTo(topics.size() + 1);
            assertThat($(Button.class).withText("Roll back").single().isEnabled())
                    .as("the shipped model is in use: nothing to roll back to")
                    .isFalse();
        } finally {
            jdbc.sql("delete from topic_model where version = ?")
                    .param(few.version())
                    .update();
        }
    }

    private static QualityReport measure(Classifier classifier, List<LabelledText> texts, List<String> topics) {
        return classifier.evaluate(texts, topics);
    }
}
