package org.outpost.dashboard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line mode, without Spring, the web server or Elasticsearch. */
class ClassifyCommandTest {

    private static final java.nio.file.Path NO_DATA =
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "outpost-classify-test-no-data");

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dataDir;

    @Test
    void theModelSwitchedOnInTheAppsDatabaseIsTheOneBlendedIn() throws Exception {
        org.outpost.core.classify.Classifier rules = ClassifierService.build(null, null);
        org.outpost.core.topic.learn.TopicModel few = new org.outpost.core.topic.learn.ModelTrainer(rules.rules())
                .train(
                        org.outpost.core.topic.learn.LabelledSets.shipped(
                                        rules.topicDefinitions().ids())
                                .training()
                                .subList(0, 80),
                        org.outpost.core.topic.learn.TrainingProgress.NONE);
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("outpost");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("create table topic_model (version varchar(40), state varchar(20), model_text clob)");
            try (java.sql.PreparedStatement insert =
                    c.prepareStatement("insert into topic_model (version, state, model_text) values (?, ?, ?)")) {
                insert.setString(1, few.version());
                insert.setString(2, "active");
                insert.setString(3, few.format());
                insert.executeUpdate();
            }
        }
        String line = """
                {"id": 1, "text": "Border guards seized 40 kg of heroin near Panj."}
                """;

        Output stored = run(line, Map.of("OUTPOST_DATA_DIR", dataDir.toString()));
        assertThat(stored.lines().getFirst().path("model").asText()).isEqualTo(few.version());
        assertThat(stored.lines()
                        .getFirst()
                        .path("topics")
                        .path("drug_trafficking")
                        .asDouble())
                .isEqualTo(rules.withModel(few)
                        .classify(null, null, "Border guards seized 40 kg of heroin near Panj.")
                        .topics()
                        .scores()
                        .get("drug_trafficking"));

        Output shipped = run(line, Map.of());
        assertThat(shipped.lines().getFirst().path("model").asText())
                .as("no database: the shipped model")
                .isEqualTo(org.outpost.core.topic.learn.TopicModel.shipped().version());
        Output unreadable = run(line, Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:nothing-here;IFEXISTS=TRUE"));
        assertThat(unreadable.status())
                .as("a database that cannot be read is not an error")
                .isZero();
        assertThat(unreadable.lines().getFirst().path("model").asText())
                .isEqualTo(org.outpost.core.topic.learn.TopicModel.shipped().version());
    }

    @Test
    void writesOneResultLinePerInputLineWithItsId() throws Exception {
        Output output = run("""
                {"id": "a1", "title": "Ceasefire on the Kyrgyz-Tajik border", "text": "Kyrgyz and Tajik border guards exchanged fire near Batken before a ceasefire was agreed; delimitation talks resume next week."}
                {"id": 2, "text": "The cotton harvest in Sughd reached a record this year."}
                """, Map.of());

        assertThat(output.status()).isZero();
        assertThat(output.lines()).hasSize(2);
        JsonNode first = output.lines().get(0);
        assertThat(first.path("id").asText()).isEqualTo("a1");
        assertThat(first.path("topics").size()).isEqualTo(9);
        assertThat(first.path("labels").toString()).contains("border_conflict");
        assertThat(first.has("entities") && first.has("explanations")).isTrue();
        assertThat(output.lines().get(1).path("id").asInt()).isEqualTo(2);
        assertThat(output.lines().get(1).path("labels")).isEmpty();
    }

    @Test
    void aRussianTextIsRecognisedScoredAndTaggedAsTheIssueTriedIt() throws Exception {
        Output output = run("""
                {"id": "ru", "text": "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина. Задержанный доставлен в Душанбе, сообщили в ГКНБ."}
                {"id": "declared", "language": "ru", "text": "The border guards seized 40 kg of heroin near Khorog on the Afghan border, officials said on Monday."}
                """, Map.of());

        JsonNode russian = output.lines().get(0);
        assertThat(russian.path("language").asText()).isEqualTo("ru");
        assertThat(russian.path("labels").toString())
                .contains("drug_trafficking")
                .contains("border_security");
        assertThat(russian.path("entities").toString())
                .contains("Tajikistan")
                .contains("Afghanistan")
                .contains("Dushanbe");
        assertThat(russian.path("explanations").path("drug_trafficking").toString())
                .as("explained in its own words")
                .containsPattern("героин");
        assertThat(output.lines().get(1).path("language").asText())
                .as("the text wins over a wrong declaration")
                .isEqualTo("en");
    }

    @Test
    void withoutADatabaseTheShippedModelIsBlendedWithTheClauses() throws Exception {
        String text = "Militants attacked a border post overnight; two soldiers were killed and security forces"
                + " launched a counter-terrorism operation against the armed group.";
        Output output = run("{\"id\": 1, \"text\": \"" + text + "\"}\n", Map.of());

        JsonNode line = output.lines().getFirst();
        org.outpost.core.classify.Classification expected =
                org.outpost.core.classify.Classifier.defaults().classify(null, text);
        assertThat(line.path("model").asText())
                .isEqualTo(org.outpost.core.topic.learn.TopicModel.shipped().version());
        expected.topics()
                .scores()
                .forEach((topic, score) -> assertThat(
                                line.path("topics").path(topic).asDouble())
                        .as(topic)
                        .isEqualTo(score));
        expected.topics()
                .ruleScores()
                .forEach((topic, score) -> assertThat(
                                line.path("ruleScores").path(topic).asDouble())
                        .as(topic)
                        .isEqualTo(score));
        assertThat(line.path("topics"))
                .as("the model's share moves the scores off the clauses' alone")
                .isNotEqualTo(line.path("ruleScores"));
        expected.topics()
                .learned()
                .forEach((topic, terms) -> assertThat(
                                line.path("learned").path(topic).findValuesAsText("term"))
                        .as("the learned terms that weighed most for " + topic)
                        .containsExactlyElementsOf(
                                terms.stream().map(t -> t.term()).toList()));
        assertThat(expected.topics().learned().values().stream()
                        .mapToInt(java.util.List::size)
                        .sum())
                .as("the text has terms the model weighs")
                .isPositive();
    }

    @Test
    void badLinesGetAnErrorLineAndTheRestGoOn() throws Exception {
        Output output = run("""
                not json
                {"id": "empty", "text": ""}
                {"id": "ok", "text": "Heroin was seized by the Drug Control Agency."}
                """, Map.of());

        assertThat(output.status()).isEqualTo(1);
        assertThat(output.lines()).hasSize(3);
        assertThat(output.lines().get(0).path("error").asText())
                .contains("line 1")
                .contains("not JSON");
        assertThat(output.lines().get(1).path("id").asText()).isEqualTo("empty");
        assertThat(output.lines().get(1).path("error").asText()).contains("'text' is required");
        assertThat(output.lines().get(2).has("error")).isFalse();
    }

    @Test
    void usesTheTopicFileFromTheEnvironment(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path topics = tmp.resolve("t.yml");
        java.nio.file.Files.writeString(
                topics,
                "topics:\n  - id: water\n    threshold: 0.3\n    terms: [{ query: 'dam OR reservoir', weight: 3 }]\n");
        Output output = run(
                "{\"id\": 1, \"text\": \"The dam and the reservoir.\"}\n",
                Map.of("OUTPOST_TOPICS_FILE", topics.toString()));
        assertThat(output.lines().getFirst().path("labels").toString()).isEqualTo("[\"water\"]");
    }

    private static Output run(String input, Map<String, String> env) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> variables = new java.util.HashMap<>(env);
        // no app database unless the test gives one: not whatever ./data the working directory holds
        variables.putIfAbsent("OUTPOST_DATA_DIR", NO_DATA.toString());
        int status = ClassifyCommand.run(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                variables::get);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(json.readTree(line));
        }
        return new Output(status, lines);
    }

    private record Output(int status, List<JsonNode> lines) {}
}
