package org.outpost.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.ModelTrainer;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingProgress;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Training, switching and rolling back through the API, against the running app. Leaves the
 * shipped model in use and no re-scoring running, for the tests that share the app.
 */
class ModelApiTest extends OutpostAppTest {

    private static final String TEXT = "{\"title\": \"Militants attack border post\", \"text\": \"A group of armed"
            + " militants attacked a border post in Tajikistan overnight; two soldiers were killed and the"
            + " attackers fled towards Afghanistan. Security forces launched a counter-terrorism operation.\"}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    TopicModels models;

    @Autowired
    ClassifierService classifiers;

    @Autowired
    ApplicationContext context;

    @Autowired
    ModelTraining training;

    @Autowired
    TrainingRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAdminsSeeTrainAndSwitchModels() throws Exception {
        if (!users.userExists("model-analyst")) {
            users.createUser(User.withUsername("model-analyst")
                    .password("{noop}analyst-pw")
                    .roles("ANALYST")
                    .build());
        }
        ApiClient analyst = ApiClient.as(port, "model-analyst", "analyst-pw");
        assertThat(analyst.get("/api/v1/admin/models").statusCode()).isEqualTo(403);
        assertThat(analyst.get("/api/v1/admin/models/training").statusCode()).isEqualTo(403);
        assertThat(analyst.post("/api/v1/admin/models/training", "").statusCode())
                .isEqualTo(403);
        assertThat(analyst.post("/api/v1/admin/models/rollback", "").statusCode())
                .isEqualTo(403);
        assertThat(analyst.post("/api/v1/admin/models/abc/activate", "").statusCode())
                .isEqualTo(403);
        HttpResponse<String> list = ApiClient.admin(port).get("/api/v1/admin/models");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).path("shipped").path("version").asText())
                .isEqualTo(TopicModel.shipped().version());
    }

    @Test
    void trainingRunsInTheBackgroundOneAtATimeAndStoresACandidateWithTheFiguresOfBothModels() throws Exception {
        ApiClient api = ApiClient.admin(port);
        String inUse = json(api.get("/api/v1/admin/models")).path("active").asText();

        HttpResponse<String> started = api.post("/api/v1/admin/models/training", "");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started).path("state").asText()).isEqualTo("RUNNING");
        HttpResponse<String> second = api.post("/api/v1/admin/models/training", "");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).path("message").asText()).contains("already");

        List<Double> progress = new ArrayList<>();
        JsonNode done = awaitTraining(api, progress);

        assertThat(done.path("state").asText()).isEqualTo("FINISHED");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(progress).as("progress only grows").isSorted();
        String version = done.path("candidate").asText();
        assertThat(version).isNotBlank();
        JsonNode candidate = model(api, version);
        assertThat(candidate.path("state").asText()).isEqualTo("CANDIDATE");
        assertThat(candidate.path("trainedBy").asText()).isEqualTo("admin");
        assertThat(candidate.path("baselineVersion").asText()).isEqualTo(inUse);
        assertThat(candidate.path("heldOutTexts").asInt()).isPositive();
        assertThat(candidate.path("summary").path("texts").asInt()).isPositive();
        for (String report : List.of("quality", "baseline", "rules")) {
            JsonNode english = candidate.path(report).path("languages").path("en");
            assertThat(english.path("texts").asInt()).as(report).isPositive();
            assertThat(english.path("topics").path("terrorism").has("tp"))
                    .as(report)
                    .isTrue();
        }
    }

    @Test
    void aWorseModelIsRefusedABetterOneSwitchedOnForTheClassifyApiAndRolledBack() throws Exception {
        ApiClient api = ApiClient.admin(port);
        Classifier shipped = classifiers.current();
        assertThat(json(api.get("/api/v1/admin/models")).path("active").asText())
                .isEqualTo(ModelRecord.SHIPPED);
        // a model that learned from a few texts, worse than the shipped one
        LabelledSets sets = LabelledSets.shipped(shipped.topicDefinitions().ids());
        TopicModel few = new ModelTrainer(shipped.rules()).train(sets.training().subList(0, 60), TrainingProgress.NONE);
        models.storeCandidate(measured(few, shipped, sets), few.format());
        try {
            HttpResponse<String> refused = api.post("/api/v1/admin/models/" + few.version() + "/activate", "");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).path("reason").asText()).isEqualTo("WORSE");
            assertThat(json(refused).path("message").asText()).contains("micro-F1");
            assertThat(models.find(few.version()).orElseThrow().state()).isEqualTo(ModelState.CANDIDATE);

            // as if it had been switched on when it was measured beside something worse still
            assertThat(models.activate(few.version(), ModelRecord.SHIPPED, "admin", Instant.now()))
                    .isTrue();
            classifiers.use(few);
            JsonNode withFew = json(api.post("/api/v1/classify", TEXT));
            assertThat(withFew.path("model").asText()).isEqualTo(few.version());
            assertScores(withFew.path("topics"), scores(shipped.withModel(few)));
            ClassifierService restarted =
                    context.getAutowireCapableBeanFactory().createBean(ClassifierService.class);
            assertThat(restarted.current().model().version())
                    .as("an instance that starts reads the active model")
                    .isEqualTo(few.version());

            api.post("/api/v1/admin/models/training", "");
            String better =
                    awaitTraining(api, new ArrayList<>()).path("candidate").asText();
            assertThat(model(api, better).path("baselineVersion").asText()).isEqualTo(few.version());

            HttpResponse<String> switched = api.post("/api/v1/admin/models/" + better + "/activate", "");
            assertThat(switched.statusCode()).isEqualTo(200);
            assertThat(json(switched).path("active").asText()).isEqualTo(better);
            assertThat(json(switched).path("previous").asText()).isEqualTo(few.version());
            assertThat(json(switched).has("rescoring")).isTrue();
            JsonNode withBetter = json(api.post("/api/v1/classify", TEXT));
            assertThat(withBetter.path("model").asText()).isEqualTo(better);
            assertThat(withBetter.path("topics")).as("the model weighs in").isNotEqualTo(withBetter.path("ruleScores"));
            awaitRescore(api);

            HttpResponse<String> back = api.post("/api/v1/admin/models/rollback", "");
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(json(back).path("active").asText()).isEqualTo(few.version());
            JsonNode rolledBack = json(api.post("/api/v1/classify", TEXT));
            assertThat(rolledBack.path("model").asText()).isEqualTo(few.version());
            assertScores(rolledBack.path("topics"), scores(shipped.withModel(few)));
            awaitRescore(api);

            assertThat(json(api.post("/api/v1/admin/models/rollback", ""))
                            .path("active")
                            .asText())
                    .isEqualTo(ModelRecord.SHIPPED);
            assertThat(json(api.post("/api/v1/classify", TEXT)).path("model").asText())
                    .isEqualTo(TopicModel.shipped().version());
            awaitRescore(api);
            HttpResponse<String> nothing = api.post("/api/v1/admin/models/rollback", "");
            assertThat(nothing.statusCode()).isEqualTo(409);
            assertThat(json(nothing).path("reason").asText()).isEqualTo("NOTHING_TO_ROLL_BACK");
        } finally {
            while (api.post("/api/v1/admin/models/rollback", "").statusCode() == 200) {
                awaitRescore(api);
            }
            awaitRescore(api);
        }
    }

    @Test
    void aCandidateIdenticalToTheShippedModelInUseIsNotSwitchedOnAgain() throws Exception {
        ApiClient api = ApiClient.admin(port);
        assertThat(json(api.get("/api/v1/admin/models")).path("active").asText())
                .isEqualTo(ModelRecord.SHIPPED);
        Classifier shipped = classifiers.current();
        TopicModel same = TopicModel.shipped();
        models.storeCandidate(
                measured(
                        same,
                        shipped,
                        LabelledSets.shipped(shipped.topicDefinitions().ids())),
                same.format());
        try {
            HttpResponse<String> refused = api.post("/api/v1/admin/models/" + same.version() + "/activate", "");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).path("reason").asText()).isEqualTo("ALREADY_ACTIVE");
            assertThat(json(api.get("/api/v1/admin/models")).path("active").asText())
                    .isEqualTo(ModelRecord.SHIPPED);
        } finally {
            jdbc.sql("delete from topic_model where version = ?")
                    .param(same.version())
                    .update();
        }
    }

    @Test
    void oneOfTwoInstancesTrainsPerScheduleTickAndANotWorseCandidateWaitsForAnAdminWithoutAutoSwitch()
            throws Exception {
        ApiClient api = ApiClient.admin(port);
        ModelProperties off =
                new ModelProperties("0 30 3 * * SUN", false, Duration.ofSeconds(2), Duration.ofMinutes(2));
        Clock sunday = Clock.fixed(Instant.parse("2026-12-06T03:30:00.120Z"), ZoneOffset.UTC);
        ModelSchedule a = new ModelSchedule(training, runs, off, Optional.of(sunday));
        ModelSchedule b =
                new ModelSchedule(training, runs, off, Optional.of(Clock.offset(sunday, Duration.ofMillis(700))));
        try {
            assertThat(a.tick()).isTrue();
            assertThat(b.tick()).as("the same tick on another instance").isFalse();

            String version =
                    awaitTraining(api, new ArrayList<>()).path("candidate").asText();
            ModelRecord scheduled = models.find(version).orElseThrow();
            assertThat(scheduled.trainedBy()).isEqualTo(ModelRecord.SCHEDULE);
            assertThat(scheduled.state())
                    .as("left for an admin when not worse, rejected when worse; never switched on without auto-switch")
                    .isEqualTo(
                            NotWorse.judge(scheduled.quality(), scheduled.baseline()) == null
                                    ? ModelState.CANDIDATE
                                    : ModelState.REJECTED);
            assertThat(json(api.get("/api/v1/admin/models")).path("active").asText())
                    .isEqualTo(ModelRecord.SHIPPED);
        } finally {
            jdbc.sql("update model_training_run set scheduled_for = null where id = 1")
                    .update();
        }
    }

    private ModelRecord measured(TopicModel model, Classifier inUse, LabelledSets sets) {
        List<String> topics = inUse.topicDefinitions().ids();
        return new ModelRecord(
                model.version(),
                Instant.now(),
                "admin",
                ModelState.CANDIDATE,
                model.summary(),
                inUse.withModel(model).evaluate(sets.heldOut(), topics),
                ModelRecord.SHIPPED,
                inUse.evaluate(sets.heldOut(), topics),
                inUse.withModel(null).evaluate(sets.heldOut(), topics),
                sets.heldOut().size(),
                0,
                null,
                null,
                null);
    }

    private static JsonNode model(ApiClient api, String version) throws Exception {
        for (JsonNode model : json(api.get("/api/v1/admin/models")).path("models")) {
            if (model.path("version").asText().equals(version)) {
                return model;
            }
        }
        throw new AssertionError("model " + version + " is not listed");
    }

    static JsonNode awaitTraining(ApiClient api, List<Double> progress) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json(api.get("/api/v1/admin/models/training"));
            progress.add(status.path("progress").asDouble());
            if (!status.path("state").asText().equals("RUNNING")) {
                assertThat(status.path("state").asText())
                        .as(status.path("error").asText())
                        .isEqualTo("FINISHED");
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("training did not finish within 5 minutes");
    }

    static void awaitRescore(ApiClient api) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!json(api.get("/api/v1/admin/rescore")).path("state").asText().equals("RUNNING")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("re-scoring did not finish within 3 minutes");
    }

    /** The topic scores {@code classifier} gives {@link #TEXT}, as the classify API should answer them. */
    private static Map<String, Double> scores(Classifier classifier) throws Exception {
        JsonNode request = new ObjectMapper().readTree(TEXT);
        return classifier
                .classify(
                        null,
                        request.path("title").asText(),
                        request.path("text").asText())
                .topics()
                .scores();
    }

    private static void assertScores(JsonNode answered, Map<String, Double> expected) {
        assertThat(expected).isNotEmpty();
        expected.forEach((topic, score) ->
                assertThat(answered.path(topic).asDouble()).as(topic).isCloseTo(score, within(0.001)));
    }
}
