package org.outpost.dashboard.article.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Value;

class ArticleApiTest extends OutpostAppTest {

    private static final List<String> NOISE = List.of(
            "USD/",
            "Rate this item",
            "votes)",
            "Read 160 times",
            "Do you like this article",
            "Comment(s)",
            "Comment Policy",
            "Copyright (c)",
            "Reprinted with the permission",
            "Source: ",
            "Publication:",
            "photo obtained");

    @Value("${local.server.port}")
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void listsTheSampleCorpusCleanedAndSplitWithTitlesAndSources() throws Exception {
        JsonNode page = getJson("/api/v1/articles?size=100");

        // 13 stories from the five scraped pages and the 8 regional briefs, plus what other tests of this shared app
        // add
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(21);
        List<String> titles = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("id").asText()).isNotBlank();
            assertThat(item.path("title").asText()).isNotBlank();
            assertThat(item.path("source").asText()).isNotBlank();
            assertThat(item.has("publishedAt")).isTrue();
            titles.add(item.path("title").asText());
            JsonNode full = getJson("/api/v1/articles/" + item.path("id").asText());
            assertThat(full.path("body").asText()).isNotBlank();
            for (String noise : NOISE) {
                assertThat(full.path("body").asText())
                        .as("body of '%s'", item.path("title").asText())
                        .doesNotContain(noise);
                assertThat(item.path("title").asText()).doesNotContain(noise);
            }
        }
        // the digest yields one article per story
        assertThat(titles)
                .contains(
                        "Tajik FM Muhriddin Meets Head of the UN Counter-Terrorism Department Voronkov",
                        "Dushanbe Accuses Bishkek Of Violating Cease-Fire Deal Along Tajik-Kyrgyz Border",
                        "Tajikistan Wages Renewed Crackdown On Independent Journalists, Bloggers",
                        "About participation of the CARICC delegation in the high-level international conference in Dushanbe");
        assertThat(titles).doesNotHaveDuplicates();
    }

    @Test
    void theRegionalBriefsArriveThroughTheFolderSourceInTheirLanguagesNamingTheirPlaces() throws Exception {
        JsonNode briefs = getJson(
                "/api/v1/articles?size=50&source=" + enc("Outpost regional briefs (written for the sample corpus)"));

        assertThat(briefs.path("total").asInt()).isEqualTo(8);
        List<String> languages = new ArrayList<>();
        Map<String, Set<String>> placesByLanguage = new HashMap<>();
        for (JsonNode item : briefs.path("items")) {
            JsonNode full = getJson("/api/v1/articles/" + item.path("id").asText());
            String language = full.path("language").asText();
            languages.add(language);
            assertThat(full.path("publishedAt").asText())
                    .as("dated by its date line")
                    .startsWith("20");
            assertThat(full.path("datedFromText").asBoolean()).isFalse();
            assertThat(full.path("topics").size())
                    .as("topics of '%s'", full.path("title").asText())
                    .isPositive();
            full.path("entities")
                    .forEach(e -> placesByLanguage
                            .computeIfAbsent(language, k -> new HashSet<>())
                            .add(e.asText()));
        }
        assertThat(languages).filteredOn("en"::equals).hasSize(4);
        assertThat(languages).filteredOn("ru"::equals).hasSize(4);
        // each place the map needs is named in both languages, whatever case the Russian puts it in
        for (String language : List.of("en", "ru")) {
            assertThat(placesByLanguage.get(language))
                    .as("places in the %s briefs", language)
                    .contains("place:Khorog", "place:Panj", "place:Vorukh", "region:Batken");
        }
        // and the Russian ones are found by a Russian query in another inflection
        JsonNode khorog = getJson("/api/v1/articles?language=ru&q=" + enc("Хорог"));
        assertThat(khorog.path("total").asInt()).isPositive();
    }

    @Test
    void datesAreThoseThePagesStateOrNull() throws Exception {
        JsonNode caricc = first("/api/v1/articles?q=" + enc("title:CARICC AND title:delegation"));
        assertThat(caricc.path("publishedAt").asText()).startsWith("2022-10-20");
        JsonNode interview =
                first("/api/v1/articles?q=" + enc("\"international cooperation against transnational crime\""));
        assertThat(interview.path("publishedAt").asText()).startsWith("2015-02-02");
        // a page that declares no date takes the one its text states, and says so
        JsonNode caravanserai = getJson("/api/v1/articles/"
                + first("/api/v1/articles?source=Caravanserai").path("id").asText());
        assertThat(caravanserai.path("publishedAt").isNull()).isFalse();
        assertThat(caravanserai.path("datedFromText").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/articles/" + caricc.path("id").asText())
                        .path("datedFromText")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void searchHighlightsMatchesAndFiltersBySource() throws Exception {
        JsonNode page = getJson("/api/v1/articles?q=" + enc("Interpol AND Kalkan"));
        assertThat(page.path("total").asInt()).isEqualTo(1);
        JsonNode hit = page.path("items").get(0);
        assertThat(hit.path("source").asText()).isEqualTo("Caravanserai");
        assertThat(hit.path("highlight").asText()).contains("<mark>");
        assertThat(hit.path("snippet").asText()).doesNotContain("<mark>").containsIgnoringCase("kalkan");

        JsonNode rferl = getJson("/api/v1/articles?source=RFE%2FRL&size=50");
        assertThat(rferl.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void invalidQueryIsA400WithAMessageNeverA500() throws Exception {
        HttpResponse<String> response = get("/api/v1/articles?q=" + enc("border AND (security"), true);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("message").asText())
                .startsWith("Invalid query at column 21")
                .contains("the query ends too early")
                .contains("Lucene syntax");
        assertThat(problem.path("detail").asText())
                .isEqualTo(problem.path("message").asText());
    }

    @Test
    void badParametersAre400sThatSayWhatIsWrong() throws Exception {
        assertThat(get("/api/v1/articles?size=1000", true).statusCode()).isEqualTo(400);
        HttpResponse<String> badDate = get("/api/v1/articles?from=yesterday", true);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).path("message").asText())
                .contains("from")
                .contains("2022-10-18");
        assertThat(get("/api/v1/articles?page=abc", true).statusCode()).isEqualTo(400);
    }

    @Test
    void dateRangeFiltersOnPublicationDate() throws Exception {
        JsonNode october2022 = getJson("/api/v1/articles?from=2022-10-01&to=2022-10-31&size=50");
        List<String> sources = new ArrayList<>();
        october2022.path("items").forEach(item -> {
            assertThat(item.path("publishedAt").asText()).startsWith("2022-10-");
            sources.add(item.path("source").asText());
        });
        assertThat(sources).contains("CARICC");
        JsonNode october2015 = getJson("/api/v1/articles?from=2015-10-01&to=2015-10-31&size=50");
        assertThat(october2015.path("total").asInt()).isZero();
    }

    @Test
    void unknownIdIs404() throws Exception {
        HttpResponse<String> response = get("/api/v1/articles/does-not-exist", true);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("message").asText()).contains("does-not-exist");
    }

    @Test
    void noCredentialsIs401AndWrongPasswordToo() throws Exception {
        HttpResponse<String> anonymous = ApiClient.anonymous(port).get("/api/v1/articles");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        assertThat(ApiClient.as(port, "admin", "wrong").get("/api/v1/articles").statusCode())
                .isEqualTo(401);
    }

    private JsonNode first(String path) throws Exception {
        JsonNode page = getJson(path);
        assertThat(page.path("items").size()).as("results of %s", path).isGreaterThanOrEqualTo(1);
        return page.path("items").get(0);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path, true);
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
        return (authenticated ? ApiClient.admin(port) : ApiClient.anonymous(port)).get(path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
