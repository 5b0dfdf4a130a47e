package org.outpost.dashboard.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 13's acceptance path in the running app: a Russian news brief arrives through a windows-1251 feed, is
 * indexed as Russian, labelled with its topics, tagged with canonical entities, found by a Russian query in another
 * inflection, listed with English articles under a topic filter (and alone under a language filter), and matched by
 * a Russian alert and by an English alert that only names the topic; a report on the topic prints it in Cyrillic in
 * its PDF.
 */
class RussianArticleEndToEndTest extends OutpostAppTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate accountsJdbc;

    private static final Charset CP1251 = Charset.forName("windows-1251");
    static final String TITLE = "Пограничники Таджикистана задержали нарушителя с 40 кг героина";
    /**
     * Today in a Russian dateline ("5 декабря 2026"), so the article falls in the week a report covers (its address
     * holds no date either: a date in the path would count as its publication date).
     */
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru")));

    static final String BODY = "ДУШАНБЕ, " + TODAY + " — Пограничники Таджикистана задержали на границе с Афганистаном "
            + "нарушителя, у которого изъяли 40 кг героина. Как сообщили в ГКНБ, задержание произошло ночью на участке "
            + "пограничного отряда в Хатлонской области. Нарушитель пытался переправить наркотики через реку Пяндж на "
            + "резиновой лодке. Возбуждено уголовное дело о контрабанде наркотиков, задержанный доставлен в Душанбе.";

    /** An hour ago, as a feed writes it. */
    private static final String PUBLISHED = DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.ofHours(5)).minusHours(1).withNano(0));

    @Value("${local.server.port}")
    int port;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    NotificationService notifications;

    @Autowired
    SourceService sources;

    HttpServer site;

    @BeforeEach
    void startSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        String feed = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
                + "<title>Вести Пянджа</title><link>" + url("/") + "</link><description>Новости</description>"
                + "<item><title>" + TITLE + "</title><link>"
                + url("/news/pogranichniki-zaderzhali-geroin?utm_source=rss&amp;utm_medium=feed")
                + "</link><pubDate>" + PUBLISHED + "</pubDate><description>" + BODY
                + "</description></item>"
                + "</channel></rss>";
        serve("/feed.xml", "application/rss+xml; charset=windows-1251", feed.getBytes(CP1251));
        String page = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"windows-1251\"><title>" + TITLE
                + "</title><link rel=\"canonical\" href=\"" + url("/news/pogranichniki-zaderzhali-geroin")
                + "\"></head><body><article><h1>"
                + TITLE + "</h1><p>" + BODY + "</p></article></body></html>";
        serve("/news/pogranichniki-zaderzhali-geroin", "text/html; charset=windows-1251", page.getBytes(CP1251));
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void aRussianBriefIsIndexedLabelledTaggedFoundListedAndAlerted() throws Exception {
        Subscription russian = subscriptions.create(
                org.outpost.dashboard.TestAccounts.ensure(accountsJdbc, "dilnoza"),
                SubscriptionDefinition.builder()
                        .name("Героин")
                        .query("героином")
                        .frequency("instant")
                        .channels(List.of(ChannelDefinition.inApp()))
                        .spikeAlerts(false)
                        .paused(false)
                        .build());
        Subscription english = subscriptions.create(
                org.outpost.dashboard.TestAccounts.ensure(accountsJdbc, "dilnoza"),
                SubscriptionDefinition.builder()
                        .name("Drug trafficking, any language")
                        .query("")
                        .topics(Map.of("drug_trafficking", 0.0))
                        .frequency("instant")
                        .channels(List.of(ChannelDefinition.inApp()))
                        .spikeAlerts(false)
                        .paused(false)
                        .build());
        // disabled and run here, to the end: no later run of it lands in another test of the shared app
        long source = sources.create(
                        new SourceDefinition(
                                "Вести Пянджа", "rss", url("/feed.xml"), "PT1H", "UTC", false, null, null, null, true),
                        new SourceService.Editor("admin", true))
                .id();
        sources.runAndWait(source, RunTrigger.MANUAL);

        ApiClient api = ApiClient.admin(port);
        JsonNode found = awaitArticle(api, "героином");
        assertThat(found.path("title").asText()).isEqualTo(TITLE);
        assertThat(found.path("highlight").asText()).contains("<mark>героина</mark>");
        assertThat(found.path("url").asText())
                .as("canonical address, no tracking parameters")
                .isEqualTo(url("/news/pogranichniki-zaderzhali-geroin"));

        JsonNode article = json(api.get("/api/v1/articles/" + found.path("id").asText()));
        assertThat(article.path("language").asText()).isEqualTo("ru");
        assertThat(strings(article.path("topics"))).contains("drug_trafficking", "border_security");
        assertThat(strings(article.path("entities")))
                .contains("country:Tajikistan", "country:Afghanistan", "place:Dushanbe");

        JsonNode byTopic = json(api.get("/api/v1/articles?size=100&topic=drug_trafficking"));
        List<String> languages = new ArrayList<>();
        byTopic.path("items").forEach(i -> languages.add(i.path("language").asText()));
        assertThat(languages).as("a topic filter lists every language").contains("ru", "en");
        JsonNode russianOnly = json(api.get("/api/v1/articles?size=100&topic=drug_trafficking&language=ru"));
        assertThat(russianOnly.path("items"))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("language").asText()).isEqualTo("ru"));

        assertThat(awaitDelivery(russian)).as("the Russian alert").isTrue();
        assertThat(awaitDelivery(english))
                .as("the English alert with a topic filter")
                .isTrue();

        assertThat(reportPdfText(api))
                .as(
                        "the week's Russian drug-trafficking report, as a PDF, read back (the article published %s)",
                        article.path("publishedAt").asText())
                .contains(TITLE);
    }

    /** A report on the topic in Russian articles, run now; its PDF's text with whitespace made single spaces. */
    private String reportPdfText(ApiClient api) throws Exception {
        HttpResponse<String> created = api.post("/api/v1/reports", """
                {"name": "Наркотрафик: русскоязычные СМИ", "period": "week", "timezone": "Asia/Dushanbe",
                 "topics": ["drug_trafficking"], "languages": ["ru"], "enabled": false}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        try {
            long runId = json(api.post("/api/v1/reports/" + id + "/run", ""))
                    .path("runId")
                    .asLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String status = "running";
            while (status.equals("running") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                for (JsonNode run : json(api.get("/api/v1/reports/" + id + "/runs"))) {
                    if (run.path("id").asLong() == runId) {
                        status = run.path("status").asText();
                    }
                }
            }
            assertThat(status).as("the report run").isEqualTo("succeeded");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/" + id
                                            + "/runs/" + runId + "/pdf"))
                                    .header("Authorization", String.valueOf(api.authorization()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        } finally {
            api.delete("/api/v1/reports/" + id);
        }
    }

    private boolean awaitDelivery(Subscription s) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> log = notifications.log("dilnoza", s.id(), null, 10);
            if (log.stream()
                    .anyMatch(d ->
                            d.stories().stream().anyMatch(story -> story.title().equals(TITLE)))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static JsonNode awaitArticle(ApiClient api, String query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = json(api.get("/api/v1/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .path("items");
            for (JsonNode item : items) {
                if (item.path("title").asText().equals(TITLE)) {
                    return item;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no article found for '" + query + "' within 90 s");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private void serve(String path, String type, byte[] body) {
        site.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
