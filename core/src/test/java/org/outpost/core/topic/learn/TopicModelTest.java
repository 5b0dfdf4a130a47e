package org.outpost.core.topic.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.classify.Classifier;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScores;
import org.outpost.core.topic.TopicTerms;

class TopicModelTest {

    @Test
    void theTextFormReadsBackToTheSameModel() {
        TopicModel shipped = TopicModel.shipped();
        TopicModel read = TopicModel.parse(shipped.format());
        assertThat(read.version()).isEqualTo(shipped.version());
        assertThat(read.format()).isEqualTo(shipped.format());
        assertThat(read.summary()).isEqualTo(shipped.summary());
    }

    @Test
    void aBrokenModelIsRefusedSayingWhere() {
        assertThatThrownBy(() -> TopicModel.parse("hello")).hasMessageContaining("not a topic model");
        String text = TopicModel.shipped().format();
        String broken = text.replaceFirst("(?m)^(bias\\t[^\\n]*\\n[^\\t\\n]+)\\t[^\\t\\n]+", "$1");
        assertThatThrownBy(() -> TopicModel.parse(broken))
                .hasMessageContaining("line ")
                .hasMessageContaining("weights");
    }

    @Test
    void theBlendRisesWithEitherPart() {
        TopicModel model = TopicModel.shipped();
        for (Language language : List.of(Language.EN, Language.RU, Language.KK)) {
            for (String topic : model.topics()) {
                TopicModel.Blend blend = model.blend(topic, language);
                assertThat(blend.score(0.6, 0.5)).isGreaterThanOrEqualTo(blend.score(0.3, 0.5));
                assertThat(blend.score(0.3, 0.9)).isGreaterThanOrEqualTo(blend.score(0.3, 0.2));
                assertThat(blend.score(1, 1)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void aTopicTheModelDoesNotKnowKeepsItsRuleScore(@TempDir Path folder) throws java.io.IOException {
        Path file = folder.resolve("topics.yml");
        java.nio.file.Files.writeString(file, """
                extend-defaults: true
                topics:
                  - id: water
                    name: Water
                    threshold: 0.45
                    terms:
                      - { query: 'water', weight: 4 }
                """);
        TopicDefinitions withWater = TopicDefinitions.load(file.toString());
        TopicScores rules = new TopicScores(Map.of("border_security", 0.3, "water", 0.7), List.of("water"), Map.of());
        TopicScores blended = TopicModel.shipped()
                .blend(rules, TopicTerms.of(null, "water talks", Language.EN), Language.EN, withWater);
        assertThat(blended.scores()).containsEntry("water", 0.7);
        assertThat(blended.labels()).contains("water");
        assertThat(blended.learned()).doesNotContainKey("water").containsKey("border_security");
    }

    @Test
    void theDefaultClassifierExplainsBothParts() {
        var scores = Classifier.defaults()
                .classify(null, "Border guards seized 40 kilograms of heroin from smugglers on the Panj river")
                .topics();
        assertThat(scores.labels()).contains("drug_trafficking");
        assertThat(scores.explanations().get("drug_trafficking")).isNotEmpty();
        assertThat(scores.learned().get("drug_trafficking")).isNotEmpty();
        assertThat(scores.ruleScores()).containsKey("drug_trafficking");
    }
}
