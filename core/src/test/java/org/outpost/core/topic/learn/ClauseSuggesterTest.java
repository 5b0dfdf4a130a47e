package org.outpost.core.topic.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;

class ClauseSuggesterTest {

    private static final TopicDefinitions TOPICS = TopicDefinitions.defaults();
    private static final LabelledSets SHIPPED = LabelledSets.shipped(TOPICS.ids());
    private static final String BORDER = "border_security";

    @Test
    void missingTextsSharingAParaphraseGiveThatPhraseAsACandidate() {
        List<LabelledText> missing = List.of(
                missing("m1", Language.EN, "Two men slipped across the river at night near Shahritus and were caught."),
                missing(
                        "m2",
                        Language.EN,
                        "A group slipped across the river at night with sacks of flour, locals say."),
                missing("m3", Language.EN, "Smugglers slipped across the river at night before the patrol boat came."));

        ClauseSuggestions suggestions = suggestShipped(missing);

        assertThat(suggestions.missing()).isEqualTo(3);
        ClauseSuggestion phrase = candidate(suggestions, "\"slipped across\"");
        assertThat(phrase.language()).isEqualTo(Language.EN);
        assertThat(phrase.missingTexts()).isEqualTo(3);
        assertThat(phrase.weight()).isEqualTo(2);
        assertThat(phrase.placement()).isEqualTo("terms");
        assertThat(phrase.yaml()).isEqualTo("- { query: '\"slipped across\"', weight: 2 }");
        assertThat(phrase.effect()).isNotNull();
        assertThat(phrase.effect().texts()).isPositive();
    }

    @Test
    void aWordFrequentInTheBackgroundTooIsNotSuggestedAndOneSeenThereSometimesWeighsOne() {
        List<LabelledText> missing = List.of(
                missing("m1", Language.EN, "The minister said the smugglers used a rowboat on the lake."),
                missing("m2", Language.EN, "A rowboat was found, the minister told reporters in the capital."),
                missing("m3", Language.EN, "The minister denied that a rowboat had crossed the water."));
        List<LabelledText> background = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // a tenth of the background speaks of a minister, 3 in 100 of a rowboat
            String text = (i % 10 == 0 ? "The minister opened a school. " : "A school opened. ")
                    + (i % 33 == 0 ? "Children arrived by rowboat." : "Children arrived by bus.");
            background.add(LabelledText.complete("b" + i, Language.EN, null, text, List.of(), TOPICS.ids(), "test"));
        }

        ClauseSuggestions suggestions = new ClauseSuggester(TOPICS).suggest(BORDER, missing, background, List.of());

        assertThat(queries(suggestions)).doesNotContain("minister").contains("rowboat");
        assertThat(candidate(suggestions, "rowboat").weight())
                .as("seen in 4 of 100 background texts: more than rarely")
                .isEqualTo(1);
    }

    @Test
    void aTermTheTopicsClausesAlreadyMatchIsSkipped() {
        // "checkpoint" is a clause of border_security, "tollgate" is not
        List<LabelledText> missing = List.of(
                missing("m1", Language.EN, "Lorries queued at the checkpoint and the tollgate for hours."),
                missing("m2", Language.EN, "The tollgate near the checkpoint was closed on Monday."),
                missing("m3", Language.EN, "Drivers paid at the tollgate, then waited at the checkpoint."));

        List<String> queries = queries(suggestShipped(missing));

        assertThat(queries).contains("tollgate").doesNotContain("checkpoint");
    }

    @Test
    void aRussianSetGivesRussianClauses() {
        List<LabelledText> missing = List.of(
                missing("r1", Language.RU, "Трое мужчин переправились на резиновой лодке через реку ночью."),
                missing("r2", Language.RU, "По данным ведомства, они переправились на резиновой лодке у кишлака."),
                missing("r3", Language.RU, "Задержанные переправились на резиновой лодке и спрятали груз."));

        ClauseSuggestions suggestions = suggestShipped(missing);

        assertThat(suggestions.candidates()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.language()).isEqualTo(Language.RU);
            assertThat(c.placement()).isEqualTo("languages.ru.terms");
            assertThat(c.query()).matches("\"?[а-яё ]+\"?");
        });
        assertThat(queries(suggestions)).contains("\"резиновой лодке\"");
    }

    @Test
    void aNationalLanguageCandidateIsTheStartOfTheWord() {
        List<LabelledText> missing = List.of(
                missing("u1", Language.UZ, "Qayiqchilar daryodan kechasi oʻtib ketishdi."),
                missing("u2", Language.UZ, "Ikki qayiqchi tunda daryodan suzib oʻtdi."),
                missing("u3", Language.UZ, "Qayiqchilarni militsiya ushladi."));

        ClauseSuggestions suggestions = suggestShipped(missing);

        ClauseSuggestion start = candidate(suggestions, "qayiqc");
        assertThat(start.missingTexts()).isEqualTo(3);
        assertThat(start.placement()).isEqualTo("languages.uz.terms");
    }

    @Test
    void theMeasuredEffectGainsExactlyThePassagesContainingTheClause() {
        TopicDefinitions water = new TopicDefinitions(List.of(new TopicDefinition(
                "water", "Water", "", 0.25, List.of(new TopicDefinition.Clause("dam", 3)), List.of())));
        List<String> ids = List.of("water");
        List<LabelledText> evaluation = List.of(
                labelled("e1", "Farmers repaired the irrigation canal before spring.", true),
                labelled("e2", "The irrigation canal ran dry in August.", true),
                labelled("e3", "A boy fell into the irrigation canal and was rescued.", false),
                labelled("e4", "The dam on the Vakhsh was inspected.", true),
                labelled("e5", "Engineers raised the dam by two metres.", true),
                labelled("e6", "Villages quarrelled over their share of the river.", true),
                labelled("e7", "The football season opened in Dushanbe.", false));
        List<LabelledText> missing = List.of(
                missingOf("m1", "water", "Neighbours argued about the irrigation canal."),
                missingOf("m2", "water", "Who cleans the irrigation canal, the village asked."));
        List<LabelledText> background = List.of(LabelledText.complete(
                "b1", Language.EN, null, "Elections were held on Sunday.", List.of(), ids, "test"));

        ClauseSuggestions suggestions = new ClauseSuggester(water).suggest("water", missing, background, evaluation);

        ClauseEffect effect = candidate(suggestions, "\"irrigation canal\"").effect();
        assertThat(effect).isNotNull();
        assertThat(effect.texts()).isEqualTo(7);
        assertThat(effect.before()).isEqualTo(new TopicCounts(2, 0, 3));
        assertThat(effect.after()).isEqualTo(new TopicCounts(4, 1, 1));
        assertThat(effect.gained()).isEqualTo(3);
        assertThat(effect.gainedRight()).isEqualTo(2);
        assertThat(effect.lost()).isZero();
        assertThat(effect.missingFixed()).isEqualTo(2);
        assertThat(effect.after().f1()).isGreaterThan(effect.before().f1());
    }

    @Test
    void aFewDozenMissingTextsAreSuggestedForWithinTheMeasuringLimit() {
        // every shipped English training passage about drug trafficking, as if analysts had marked each missing
        List<LabelledText> missing = SHIPPED.training().stream()
                .filter(t -> t.language() == Language.EN && Boolean.TRUE.equals(t.label("drug_trafficking")))
                .map(t -> new LabelledText(
                        "missing-" + t.id(),
                        t.language(),
                        t.title(),
                        t.text(),
                        Set.of("drug_trafficking"),
                        Set.of(),
                        LabelledText.FEEDBACK))
                .toList();
        assertThat(missing).hasSizeGreaterThan(24);
        ClauseSuggester suggester = new ClauseSuggester(TOPICS, new ClauseSuggester.Settings(2, 0.05, 0.01, 5));

        ClauseSuggestions suggestions = suggester.suggest(
                "drug_trafficking",
                missing,
                ClauseSuggester.background("drug_trafficking", SHIPPED.training(), List.of(), missing),
                evaluation());

        assertThat(suggestions.candidates())
                .hasSizeBetween(1, 5)
                .allSatisfy(c -> assertThat(c.effect()).isNotNull());
    }

    @Test
    void theBackgroundLeavesOutTheTopicsOwnAndTheMissingTexts() {
        LabelledText about = LabelledText.complete("s1", Language.EN, null, "x", List.of(BORDER), TOPICS.ids(), "set");
        LabelledText other = LabelledText.complete("s2", Language.EN, null, "y", List.of(), TOPICS.ids(), "set");
        LabelledText missed = missing("f1", Language.EN, "z");
        LabelledText feedback =
                new LabelledText("f2", Language.EN, null, "w", Set.of(), Set.of("terrorism"), LabelledText.FEEDBACK);

        List<LabelledText> background =
                ClauseSuggester.background(BORDER, List.of(about, other), List.of(missed, feedback), List.of(missed));

        assertThat(background).extracting(LabelledText::id).containsExactly("s2", "f2");
    }

    @Test
    void anUnknownTopicIsRefused() {
        assertThatThrownBy(() -> new ClauseSuggester(TOPICS).suggest("nope", List.of(), List.of(), List.of()))
                .isInstanceOf(NoSuchElementException.class);
    }

    private static ClauseSuggestions suggestShipped(List<LabelledText> missing) {
        return new ClauseSuggester(TOPICS)
                .suggest(
                        BORDER,
                        missing,
                        ClauseSuggester.background(BORDER, SHIPPED.training(), List.of(), missing),
                        evaluation());
    }

    private static List<LabelledText> evaluation() {
        List<LabelledText> all = new ArrayList<>(SHIPPED.training());
        all.addAll(SHIPPED.heldOut());
        return all;
    }

    private static LabelledText missing(String id, Language language, String text) {
        return missingOf(id, BORDER, text, language);
    }

    private static LabelledText missingOf(String id, String topic, String text) {
        return missingOf(id, topic, text, Language.EN);
    }

    private static LabelledText missingOf(String id, String topic, String text, Language language) {
        return new LabelledText(id, language, null, text, Set.of(topic), Set.of(), LabelledText.FEEDBACK);
    }

    private static LabelledText labelled(String id, String text, boolean water) {
        return LabelledText.complete(
                id, Language.EN, null, text, water ? List.of("water") : List.of(), List.of("water"), "test");
    }

    private static List<String> queries(ClauseSuggestions suggestions) {
        return suggestions.candidates().stream().map(ClauseSuggestion::query).toList();
    }

    private static ClauseSuggestion candidate(ClauseSuggestions suggestions, String query) {
        return suggestions.candidates().stream()
                .filter(c -> c.query().equals(query))
                .findFirst()
                .orElseThrow(() -> new AssertionError(query + " not among " + queries(suggestions)));
    }
}
