package org.outpost.core.topic.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;

/**
 * The shipped model is what training on the shipped sets gives: a changed set or trainer without
 * a retrained model fails here. Run with {@code -Doutpost.model.write=true} to write it again.
 */
class ShippedTopicModelTest {

    static final Path FILE = Path.of("src/main/resources/org/outpost/core/topic/learn/topic-model.tsv");

    @Test
    void theShippedModelIsTheOneTheShippedSetsTrain() throws IOException {
        TopicScorer rules = new TopicScorer(TopicDefinitions.defaults());
        TopicModel trained = new ModelTrainer(
                        rules,
                        ModelTrainer.Settings.DEFAULT,
                        Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC))
                .train(LabelledSets.shipped(rules.definitions().ids()).training(), TrainingProgress.NONE);
        if (Boolean.getBoolean("outpost.model.write")) {
            Files.writeString(FILE, trained.format(), StandardCharsets.UTF_8);
        }
        TopicModel shipped = TopicModel.parse(Files.readString(FILE, StandardCharsets.UTF_8));
        assertThat(shipped.version())
                .as("version of %s against a fresh training (write it again with -Doutpost.model.write=true)", FILE)
                .isEqualTo(trained.version());
        assertThat(shipped.summary()).isEqualTo(trained.summary());
    }
}
