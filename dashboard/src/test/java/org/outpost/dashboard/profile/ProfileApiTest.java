package org.outpost.dashboard.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.ConfirmationLinks;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the running app: a user's profile through the API (their own and, for admins, anyone's), its
 * address confirmed by the mailed link before the alerts module may use it, the quiet hours as the
 * alerts module reads them, and a report naming the user mailed to the confirmed address.
 */
@Tag(TestDatabases.TAG)
class ProfileApiTest extends OutpostAppTest {

    private static final String PASSWORD = "profile-pass-123";

    @LocalServerPort
    int port;

    @Autowired
    ReaderProfiles readerProfiles;

    @Autowired
    ReaderLanguages readerLanguages;

    ApiClient admin;
    String name;
    String address;
    ApiClient user;

    @BeforeEach
    void user() throws Exception {
        admin = ApiClient.admin(port);
        long unique = System.nanoTime();
        name = "profiled-" + unique;
        address = "reader-" + unique + "@ngo.example";
        HttpResponse<String> created = admin.post(
                "/api/v1/admin/users",
                "{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"viewer\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        user = ApiClient.as(port, name, PASSWORD);
    }

    @Test
    void aUserSetsTheirProfileAndTheAddressCountsOnlyOnceItsLinkIsFollowed() throws Exception {
        JsonNode empty = ApiClient.json(user.get("/api/v1/me/profile"));
        assertThat(empty.path("username").asText()).isEqualTo(name);
        assertThat(empty.path("emailStatus").asText()).isEqualTo("none");
        assertThat(empty.path("quietHours").isNull()).isTrue();
        assertThat(readerProfiles.quietHours(name)).isEmpty();

        HttpResponse<String> saved = user.put("/api/v1/me/profile", profile(address.toUpperCase(Locale.ROOT)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(saved);
        assertThat(body.path("email").asText()).as("stored as one spelling").isEqualTo(address);
        assertThat(body.path("emailStatus").asText()).isEqualTo("waiting");
        assertThat(body.path("timeZone").asText()).isEqualTo("Asia/Almaty");
        assertThat(body.path("language").asText()).isEqualTo("ru");
        assertThat(body.path("quietHours").path("start").asText()).isEqualTo("22:00");
        assertThat(body.path("quietHours").path("end").asText()).isEqualTo("07:00");
        assertThat(body.path("quietHours").path("weekends").asBoolean()).isTrue();

        // what the alerts module reads: the quiet hours at once, the address not before it is confirmed
        assertThat(readerProfiles.quietHours(name))
                .contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), true, ZoneId.of("Asia/Almaty")));
        assertThat(readerLanguages.of(name).getLanguage()).isEqualTo("ru");
        assertThat(readerProfiles.confirmedEmail(name)).isEmpty();
        MimeMessage confirmation = ConfirmationLinks.onlyTo(address);
        assertThat(confirmation.getSubject()).as("in the user's language first").startsWith("Подтвердите");

        // saving the same address again asks nobody again; a resend is refused within the cool-down
        assertThat(user.put("/api/v1/me/profile", profile(address)).statusCode())
                .isEqualTo(200);
        assertThat(ConfirmationLinks.to(address)).hasSize(1);
        assertThat(user.post("/api/v1/me/profile/email-confirmation", "").statusCode())
                .isEqualTo(409);

        HttpResponse<String> page = ApiClient.anonymous(port).get(ConfirmationLinks.path(confirmation));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(readerProfiles.confirmedEmail(name)).contains(address);
        assertThat(ApiClient.json(user.get("/api/v1/me/profile"))
                        .path("emailStatus")
                        .asText())
                .isEqualTo("confirmed");

        // a new address replaces the confirmed one: nothing goes anywhere until the new one is confirmed
        String other = "other-" + address;
        assertThat(user.put("/api/v1/me/profile", profile(other)).statusCode()).isEqualTo(200);
        assertThat(readerProfiles.confirmedEmail(name)).isEmpty();
        assertThat(ConfirmationLinks.to(other)).hasSize(1);

        // no address, no quiet hours
        assertThat(user.put("/api/v1/me/profile", "{\"timeZone\": \"Asia/Almaty\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(readerProfiles.quietHours(name)).isEmpty();
        assertThat(readerProfiles.confirmedEmail(name)).isEmpty();
        assertThat(readerLanguages.of(name).getLanguage())
                .as("the browser's again")
                .isEqualTo("en");
    }

    @Test
    void invalidValuesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        assertField(user.put("/api/v1/me/profile", "{\"email\": \"not an address\"}"), "email");
        assertField(user.put("/api/v1/me/profile", "{\"timeZone\": \"Mars/Olympus\"}"), "timeZone");
        assertField(user.put("/api/v1/me/profile", "{\"language\": \"tg\"}"), "language");
        assertField(
                user.put(
                        "/api/v1/me/profile",
                        "{\"quietHours\": {\"start\": \"22:00\", \"end\": \"22:00\", \"weekends\": false}}"),
                "quietHours");
        assertField(user.put("/api/v1/me/profile", "{\"quietHours\": {\"start\": \"22:00\"}}"), "quietHours");
        assertField(
                user.put("/api/v1/me/profile", "{\"email\": \"" + address + "\", \"timeZone\": \"Nowhere\"}"),
                "timeZone");
        JsonNode stored = ApiClient.json(user.get("/api/v1/me/profile"));
        assertThat(stored.path("email").isNull()).isTrue();
        assertThat(ConfirmationLinks.to(address)).isEmpty();
    }

    @Test
    void anAdminEditsAnyProfileAndOthersCannot() throws Exception {
        HttpResponse<String> saved = admin.put("/api/v1/admin/users/" + name + "/profile", profile(address));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ApiClient.json(user.get("/api/v1/me/profile"))
                        .path("timeZone")
                        .asText())
                .isEqualTo("Asia/Almaty");
        assertThat(ApiClient.json(admin.get("/api/v1/admin/users/" + name + "/profile"))
                        .path("emailStatus")
                        .asText())
                .isEqualTo("waiting");
        // the person behind the address still confirms it: an admin cannot make Outpost mail anyone
        assertThat(readerProfiles.confirmedEmail(name)).isEmpty();
        assertThat(ConfirmationLinks.to(address)).hasSize(1);

        assertThat(user.get("/api/v1/admin/users/admin/profile").statusCode()).isEqualTo(403);
        assertThat(user.put("/api/v1/admin/users/admin/profile", profile(address))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/users/no-such-user/profile").statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/api/v1/me/profile").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aReportNamingTheUserIsMailedToTheirConfirmedAddressAndStillShownToThem() throws Exception {
        user.put("/api/v1/me/profile", profile(address));
        ApiClient.anonymous(port).get(ConfirmationLinks.path(ConfirmationLinks.onlyTo(address)));
        String owner = "report-owner-" + System.nanoTime();
        admin.post(
                "/api/v1/admin/users",
                "{\"username\": \"" + owner + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"analyst\"}");
        ApiClient analyst = ApiClient.as(port, owner, PASSWORD);
        String reportName = "Brief for " + name;
        HttpResponse<String> created = analyst.post(
                "/api/v1/reports",
                "{\"name\": \"" + reportName + "\", \"period\": \"day\", \"recipients\": [\"" + name + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();

        HttpResponse<String> run = analyst.post("/api/v1/reports/" + id + "/run", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reportsTo(address, reportName).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(reportsTo(address, reportName)).hasSize(1);
        assertThat(ApiClient.json(user.get("/api/v1/reports")).findValuesAsText("name"))
                .as("still in Outpost for the recipient")
                .contains(reportName);
    }

    private String profile(String email) {
        return "{\"email\": \"" + email + "\", \"timeZone\": \"Asia/Almaty\", \"language\": \"ru\","
                + " \"quietHours\": {\"start\": \"22:00\", \"end\": \"07:00\", \"weekends\": true}}";
    }

    private static List<MimeMessage> reportsTo(String to, String reportName) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to)
                                && Optional.ofNullable(m.getSubject())
                                        .orElse("")
                                        .contains(reportName);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("field").asText()).isEqualTo(field);
    }
}
