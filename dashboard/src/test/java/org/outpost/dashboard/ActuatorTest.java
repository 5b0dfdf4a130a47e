package org.outpost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class ActuatorTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void healthIncludesElasticsearchAndTheDatabaseForAdmins() throws Exception {
        HttpResponse<String> response = ApiClient.admin(port).get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = ApiClient.json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/elasticsearch/details/status").asText())
                .isIn("green", "yellow");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void diskSpaceIsMeasuredWhereTheAppWrites() throws Exception {
        JsonNode health = ApiClient.json(ApiClient.admin(port).get("/actuator/health"));

        // a full data folder must turn health DOWN, whatever folder the app was started from
        assertThat(health.at("/components/diskSpace/details/path").asText())
                .isEqualTo(OutpostApp.DATA_DIR.toFile().getAbsolutePath());
        assertThat(health.at("/components/diskSpace/status").asText()).isEqualTo("UP");
    }

    @Test
    void anonymousHealthShowsOnlyTheStatus() throws Exception {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).has("components")).isFalse();
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
}
