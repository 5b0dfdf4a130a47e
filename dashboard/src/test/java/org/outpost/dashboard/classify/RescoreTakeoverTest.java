package org.outpost.dashboard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The deployment's one re-scoring run, when the instance running it died. */
@Tag("database")
class RescoreTakeoverTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    RescoreRuns runs;

    @Test
    void aRunWhoseInstanceStoppedBeatingIsShownFailedAndANewOneStarts() throws Exception {
        ApiClient api = ApiClient.admin(port);
        // another instance claimed the run and was killed: its last heartbeat is a minute old
        Instant killedAt = Instant.now().minus(Duration.ofMinutes(1));
        assertThat(runs.claim("killed-instance", 1_000, killedAt, killedAt.minusSeconds(30)))
                .isTrue();

        JsonNode shown = json(api.get("/api/v1/admin/rescore"));
        assertThat(shown.path("state").asText()).isEqualTo("FAILED");
        assertThat(shown.path("error").asText())
                .isEqualTo(org.outpost.dashboard.database.SharedRunRow.INSTANCE_STOPPED);

        assertThat(api.post("/api/v1/admin/rescore", "").statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "RUNNING";
        while (state.equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = json(api.get("/api/v1/admin/rescore")).path("state").asText();
        }
        assertThat(state).isEqualTo("FINISHED");
    }

    @Test
    void aRunAnotherInstanceIsBeatingForIsNotStartedASecondTime() throws Exception {
        ApiClient api = ApiClient.admin(port);
        Instant now = Instant.now();
        assertThat(runs.claim("other-instance", 1_000, now, now.minusSeconds(30)))
                .isTrue();
        try {
            assertThat(json(api.get("/api/v1/admin/rescore")).path("state").asText())
                    .isEqualTo("RUNNING");
            assertThat(api.post("/api/v1/admin/rescore", "").statusCode()).isEqualTo(409);
            assertThat(runs.claim(
                            "this-instance", 1_000, Instant.now(), Instant.now().minusSeconds(30)))
                    .as("a claim while the other's heartbeat is fresh")
                    .isFalse();
        } finally {
            runs.end("other-instance", RescoreStatus.State.FINISHED, 0, 0, 0, null, Instant.now());
        }
    }
}
