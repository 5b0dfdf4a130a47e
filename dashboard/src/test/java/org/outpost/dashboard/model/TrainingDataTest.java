package org.outpost.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.core.language.Language;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.LabelledText;

class TrainingDataTest {

    private static final List<String> TOPICS = List.of("terrorism", "drug_trafficking");

    @Test
    void theShippedSplitStaysAndAFifthOfTheFeedbackIsHeldBackByArticle() {
        LabelledSets shipped = LabelledSets.shipped(TOPICS);
        List<LabelledText> feedback = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            feedback.add(new LabelledText(
                    "article-" + i,
                    Language.EN,
                    null,
                    "Text " + i,
                    Set.of("terrorism"),
                    Set.of(),
                    LabelledText.FEEDBACK));
        }

        TrainingData data = TrainingData.of(shipped, feedback);

        assertThat(data.training()).containsAll(shipped.training());
        assertThat(data.heldOut()).containsAll(shipped.heldOut());
        List<LabelledText> heldBack = data.heldOut().stream()
                .filter(t -> t.origin().equals(LabelledText.FEEDBACK))
                .toList();
        assertThat(heldBack).allMatch(t -> TrainingData.heldBack(t.id()));
        assertThat(data.training()).noneMatch(heldBack::contains);
        assertThat(heldBack.size() + data.feedbackTrained()).isEqualTo(200);
        // about a fifth: by the ids' hashes, so not exactly
        assertThat(heldBack.size()).isBetween(20, 60);
        // the same article is held back in every run
        assertThat(TrainingData.of(shipped, feedback).heldOut()).isEqualTo(data.heldOut());
    }
}
