package org.outpost.core.topic.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.core.classify.Classifier;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.language.Language;
import org.outpost.core.language.LanguageDetector;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;

class ModelTrainerTest {

    private static final TopicDefinitions TOPICS = TopicDefinitions.defaults();
    private static final TopicScorer RULES = new TopicScorer(TOPICS);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aModelTrainedOnShuffledLabelsDoesNotPassTheBar() {
        LabelledSets sets = LabelledSets.shipped(TOPICS.ids());
        List<LabelledText> training = sets.training();
        // every text keeps its words, but takes another text's labels: what is left to learn is noise
        List<Set<String>> labels =
                new ArrayList<>(training.stream().map(LabelledText::positives).toList());
        java.util.Collections.shuffle(labels, new Random(18));
        List<LabelledText> shuffled = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            LabelledText t = training.get(i);
            shuffled.add(LabelledText.complete(
                    t.id(), t.language(), t.title(), t.text(), labels.get(i), TOPICS.ids(), t.origin()));
        }
        TopicModel noise =
                new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK).train(shuffled, TrainingProgress.NONE);
        Classifier classifier = new Classifier(TOPICS, Gazetteer.defaults(), LanguageDetector.shared(), noise);

        QualityReport report = classifier.evaluate(sets.heldOut(), TOPICS.ids());

        TopicCounts english = report.languages().get("en").micro();
        assertThat(english.f1() >= 0.90 && english.precision() >= 0.90)
                .as(
                        "English held out with a model of shuffled labels: F1 %.3f, precision %.3f",
                        english.f1(), english.precision())
                .isFalse();
        assertThat(noise.blend())
                .as("how far the blend trusts a model of noise")
                .isLessThan(TopicModel.shipped().blend());
    }

    @Test
    void learnsWhatTheClausesMissFromTextsThatSayItInOtherWords() {
        List<LabelledText> texts = new ArrayList<>();
        String[] smuggling = {
            "A consignment was hidden in a truck of onions at the market in Kulob",
            "Police found packets hidden in a truck of onions bound for Osh",
            "The driver of a truck of onions carried forty packets under the sacks",
            "Packets were hidden in a truck of onions and a car of melons near Khujand",
            "A truck of onions from the south carried packets in a hidden compartment",
            "Officers opened a truck of onions and found packets wrapped in plastic",
        };
        String[] other = {
            "Onion prices rose at the market in Kulob after a poor harvest",
            "Farmers loaded melons onto a truck bound for the capital",
            "The market in Osh opened a new hall for fruit and vegetables",
            "A truck carrying cement overturned on the road to Khujand",
            "Packets of seeds were handed out to farmers in the south",
            "The new car market in Khujand drew buyers from three regions",
        };
        int id = 0;
        for (int round = 0; round < 4; round++) {
            for (String s : smuggling) {
                texts.add(LabelledText.complete(
                        "s" + id++, Language.EN, null, s, List.of("drug_trafficking"), TOPICS.ids(), "test"));
            }
            for (String s : other) {
                texts.add(LabelledText.complete("o" + id++, Language.EN, null, s, List.of(), TOPICS.ids(), "test"));
            }
        }
        TopicModel model =
                new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK).train(texts, TrainingProgress.NONE);
        Classifier rules = new Classifier(TOPICS, Gazetteer.defaults(), LanguageDetector.shared(), null);
        Classifier blended = rules.withModel(model);
        String text = "Customs found packets under the sacks of a truck of onions";

        assertThat(rules.classify(null, text).topics().labels()).doesNotContain("drug_trafficking");
        var scores = blended.classify(null, text).topics();
        assertThat(scores.labels()).contains("drug_trafficking");
        assertThat(scores.ruleScores().get("drug_trafficking"))
                .isLessThan(scores.scores().get("drug_trafficking"));
        assertThat(scores.learned().get("drug_trafficking"))
                .extracting(c -> c.term().toLowerCase(java.util.Locale.ROOT))
                .anyMatch(term -> term.contains("onion"));
    }

    @Test
    void theSameTextsTrainTheSameModel() {
        List<LabelledText> texts = LabelledSets.shipped(TOPICS.ids()).training().subList(0, 200);
        TopicModel first =
                new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK).train(texts, TrainingProgress.NONE);
        TopicModel second =
                new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK).train(texts, TrainingProgress.NONE);
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(second.format()).isEqualTo(first.format());
    }

    @Test
    void feedbackTrainsOnlyTheTopicsItNames() {
        List<LabelledText> texts =
                new ArrayList<>(LabelledSets.shipped(TOPICS.ids()).training().subList(0, 150));
        texts.add(new LabelledText(
                "f1",
                Language.EN,
                "t",
                "a feedback text",
                Set.of("terrorism"),
                Set.of("human_rights"),
                LabelledText.FEEDBACK));
        TopicModel model =
                new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK).train(texts, TrainingProgress.NONE);
        TrainingSummary summary = model.summary();
        assertThat(summary.origins()).containsEntry(LabelledText.FEEDBACK, 1);
        assertThat(summary.positives().get("terrorism") + summary.negatives().get("terrorism"))
                .isEqualTo(summary.positives().get("human_rights")
                        + summary.negatives().get("human_rights"));
        assertThat(summary.positives().get("drug_trafficking")
                        + summary.negatives().get("drug_trafficking"))
                .as("the feedback said nothing about drug trafficking")
                .isEqualTo(150);
    }

    @Test
    void reportsProgressToTheEnd() {
        List<Double> seen = new ArrayList<>();
        new ModelTrainer(RULES, ModelTrainer.Settings.DEFAULT, CLOCK)
                .train(LabelledSets.shipped(TOPICS.ids()).training().subList(0, 60), (done, step) -> seen.add(done));
        assertThat(seen).isSorted().startsWith(0.0).endsWith(1.0);
    }
}
