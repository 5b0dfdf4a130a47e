package org.outpost.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicScorerTest {

    private static final TopicScorer DEFAULTS = new TopicScorer(TopicDefinitions.defaults());

    @Test
    void defaultsDefineTheNineTopicsInOrder() {
        assertThat(TopicDefinitions.defaults().ids())
                .containsExactly(
                        "border_security",
                        "drug_trafficking",
                        "terrorism",
                        "extremism",
                        "foreign_fighters",
                        "organized_crime",
                        "border_conflict",
                        "international_cooperation",
                        "human_rights");
    }

    @Test
    void scoresEveryTopicInUnitRangeAndLabelsTheClearOnes() {
        TopicScores scores = DEFAULTS.score(
                "Border guards seize heroin on the Tajik-Afghan border",
                "Tajik border guards detained two smugglers and seized 40 kilograms of heroin and 12 kilograms of "
                        + "hashish near a checkpoint in Panj district. The Drug Control Agency said the narcotics "
                        + "were bound for Russia.");

        assertThat(scores.scores())
                .hasSize(9)
                .allSatisfy((topic, score) -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(scores.labels())
                .contains("border_security", "drug_trafficking")
                .doesNotContain("human_rights", "border_conflict");
    }

    @Test
    void stemmingMakesWordFormsCountAlike() {
        TopicDefinitions smuggling = definitions("smuggling", "smuggling", 0.1);
        TopicScorer scorer = new TopicScorer(smuggling);
        assertThat(scorer.score(null, "Two smugglers were caught.").scores().get("smuggling"))
                .isPositive();
        assertThat(scorer.score(null, "They smuggled it.").scores().get("smuggling"))
                .isPositive();
        assertThat(scorer.score(null, "A quiet day.").scores().get("smuggling")).isZero();
    }

    @Test
    void explanationsListMatchedClausesWithCountsAndWeights() {
        TopicScores scores =
                DEFAULTS.score(null, "Heroin, heroin and more heroin was seized by the drug control agency.");

        List<TermContribution> why = scores.explanations().get("drug_trafficking");
        assertThat(why).anySatisfy(c -> {
            assertThat(c.term()).contains("heroin");
            assertThat(c.count()).isEqualTo(3);
            assertThat(c.weight()).isGreaterThan(3.0);
        });
        assertThat(scores.explanations().get("border_conflict")).isEmpty();
    }

    @Test
    void titleMatchesCountDouble() {
        TopicScorer scorer = new TopicScorer(definitions("t", "ceasefire", 0.1));
        double inBody = scorer.score("News", "A ceasefire was agreed.").scores().get("t");
        double inTitle =
                scorer.score("Ceasefire agreed", "It was agreed.").scores().get("t");
        assertThat(inTitle).isGreaterThan(inBody);
    }

    @Test
    void exclusionsSubtract() {
        TopicScores market = DEFAULTS.score(
                "Border market reopens",
                "The border market between the two countries reopened for cross-border trade in fruit and textiles.");
        assertThat(market.labels()).doesNotContain("border_security");
        assertThat(market.explanations().get("border_security"))
                .anySatisfy(c -> assertThat(c.weight()).isNegative());
    }

    @Test
    void longTextsNeedMoreEvidenceThanShortOnes() {
        TopicScorer scorer = new TopicScorer(definitions("t", "ceasefire", 0.1));
        String filler = " The weather was mild and markets were calm.".repeat(200);
        assertThat(scorer.score(null, "A ceasefire." + filler).scores().get("t"))
                .isLessThan(scorer.score(null, "A ceasefire.").scores().get("t"));
    }

    @Test
    void offTopicTextGetsNoLabel() {
        TopicScores scores = DEFAULTS.score(
                "Cotton harvest up",
                "Farmers in the Sughd region picked a record cotton harvest this autumn, the agriculture ministry said, "
                        + "as prices on world markets rose.");
        assertThat(scores.labels()).isEmpty();
    }

    @Test
    void aDeploymentFileReplacesTheDefaultsAndBadFilesSayWhatIsWrong(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("topics.yml");
        Files.writeString(file, """
                topics:
                  - id: water
                    name: Water disputes
                    threshold: 0.3
                    terms:
                      - { query: '"water dispute" OR dam OR reservoir', weight: 3 }
                """);
        TopicDefinitions own = TopicDefinitions.load(file.toString());
        assertThat(own.ids()).containsExactly("water");
        assertThat(new TopicScorer(own).score(null, "The dam dispute flared.").labels())
                .containsExactly("water");

        Files.writeString(file, "topics:\n  - id: Bad Id\n    threshold: 0.3\n    terms: [{ query: x, weight: 1 }]\n");
        assertThatThrownBy(() -> TopicDefinitions.load(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower_snake_case");

        Files.writeString(
                file, "topics:\n  - id: t\n    threshold: 0.3\n    terms: [{ query: '(unclosed', weight: 1 }]\n");
        TopicDefinitions unparsable = TopicDefinitions.load(file.toString());
        assertThatThrownBy(() -> new TopicScorer(unparsable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic t")
                .hasMessageContaining("(unclosed");

        assertThatThrownBy(
                        () -> TopicDefinitions.load(tmp.resolve("missing.yml").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.yml");
    }

    @Test
    void aDeploymentFileCanExtendTheDefaultsAndOverrideOneTopic(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("more.yml");
        Files.writeString(file, """
                extend-defaults: true
                topics:
                  - id: water
                    threshold: 0.3
                    terms: [{ query: 'dam OR reservoir', weight: 3 }]
                  - id: terrorism
                    name: Terrorism (strict)
                    threshold: 0.9
                    terms: [{ query: terrorism, weight: 1 }]
                """);
        TopicDefinitions extended = TopicDefinitions.load(file.toString());
        assertThat(extended.ids()).hasSize(10).startsWith("border_security").endsWith("water");
        assertThat(extended.topics().get(2).name()).isEqualTo("Terrorism (strict)");
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        String text = "Militants attacked a border post; border guards repelled the terrorist attack.";
        TopicScores expected = DEFAULTS.score(null, text);
        List<Thread> threads = new java.util.ArrayList<>();
        List<TopicScores> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 50; j++) {
                    results.add(DEFAULTS.score(null, text));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(results).hasSize(400).allSatisfy(r -> assertThat(r.scores()).isEqualTo(expected.scores()));
    }

    private static TopicDefinitions definitions(String id, String query, double threshold) {
        return new TopicDefinitions(List.of(
                new TopicDefinition(id, id, "", threshold, List.of(new TopicDefinition.Clause(query, 3)), List.of())));
    }
}
