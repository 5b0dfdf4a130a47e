package org.outpost.alerts.newname;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.FirstSeen;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.entity.Entity;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.postgres.TestDatabases;

/**
 * First-seen alerts on the real test index, the articles dated by the test's clock: a name no
 * article of the 90 days before had, now named by two sources (one of them in Russian, tagged by
 * the real gazetteer), is told once; names seen before, named by one source or of a type not
 * chosen are not.
 */
@Tag(TestDatabases.TAG)
class NewNameAlertsTest extends AlertsTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());
    private static final String KABIRI = "person:Muhiddin Kabiri";
    private static final String RUSSIAN_TEXT =
            "Лидер запрещённой в Таджикистане партии Мухиддин Кабири выступил с заявлением в Берлине.";

    @Test
    void aNameUnseenForNinetyDaysInTwoSourcesIsToldOnceWithItsFirstArticlesAndSources() throws Exception {
        clock.set(NOW);
        index.index(history());
        Article russian = tagged(
                "Sputnik Таджикистан",
                "Кабири выступил с заявлением",
                RUSSIAN_TEXT,
                "ru",
                NOW.minus(Duration.ofDays(2)));
        assertThat(russian.entities()).as("the gazetteer finds him in Russian").contains(KABIRI, "country:Tajikistan");
        index.index(List.of(
                russian,
                tagged(
                        "Asia-Plus",
                        "Kabiri speaks in Berlin",
                        "Muhiddin Kabiri, leader of a party banned in Tajikistan, spoke in Berlin.",
                        "en",
                        NOW.minus(Duration.ofDays(1))),
                // named 30 days ago: not new, though two sources name it now
                with("Asia-Plus", "CSTO drill", NOW.minus(Duration.ofDays(30)), "org:CSTO", "country:Tajikistan"),
                with("Asia-Plus", "CSTO drill ends", NOW.minus(Duration.ofHours(30)), "org:CSTO", "country:Tajikistan"),
                with("Ozodi", "CSTO drill ended", NOW.minus(Duration.ofHours(20)), "org:CSTO", "country:Tajikistan"),
                // one source only, so far
                with("Ozodi", "ISKP claim", NOW.minus(Duration.ofHours(10)), "group:ISIL", "country:Tajikistan"),
                // a type not chosen
                with(
                        "Asia-Plus",
                        "Khujand fair",
                        NOW.minus(Duration.ofHours(9)),
                        "place:Khujand",
                        "country:Tajikistan"),
                with(
                        "Ozodi",
                        "Khujand fair opens",
                        NOW.minus(Duration.ofHours(8)),
                        "place:Khujand",
                        "country:Tajikistan"),
                // outside the subscription's filter (no Tajikistan)
                with("Asia-Plus", "Bishkek visit", NOW.minus(Duration.ofHours(7)), "person:Gulmurod Khalimov"),
                with("Ozodi", "Bishkek visit ends", NOW.minus(Duration.ofHours(6)), "person:Gulmurod Khalimov")));
        index.refresh();

        try (AlertsHarness h = harness()) {
            Subscription s = subscribe(h, List.of("person", "org", "group"), null, null);
            NewNameAlerts alerts = h.bean(NewNameAlerts.class);

            assertThat(alerts.check()).isEqualTo(1);
            assertThat(alerts.check()).as("told once").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(1);
            MimeMessage message = mail.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("[Outpost] New name: Muhiddin Kabiri (person), in 2 sources");
            String body = MailParts.text(message);
            assertThat(body)
                    .contains("First seen: Muhiddin Kabiri (person), named in no article of the 90 days before,"
                            + " first on 18 Nov 2026, 10:00 UTC, now in 2 sources:")
                    .contains("Sputnik Таджикистан")
                    .contains("Asia-Plus")
                    .contains("First articles:");
            assertThat(body.indexOf("Кабири выступил с заявлением"))
                    .as("oldest first")
                    .isPositive()
                    .isLessThan(body.indexOf("Kabiri speaks in Berlin"));
            assertThat(told(h, s)).containsExactly(KABIRI);

            // the second source of the group arrives: now it is new in two sources
            index.index(List.of(with(
                    "Asia-Plus",
                    "ISKP claim denied",
                    NOW.minus(Duration.ofHours(1)),
                    "group:ISIL",
                    "country:Tajikistan")));
            index.refresh();
            assertThat(alerts.check()).isEqualTo(1);
            assertThat(told(h, s)).containsExactlyInAnyOrder(KABIRI, "group:ISIL");
        }
        // another instance, or this one after a restart, tells nothing again
        try (AlertsHarness again = harness()) {
            assertThat(again.bean(NewNameAlerts.class).check()).isZero();
        }
    }

    @Test
    void aRussianReaderIsToldInRussianAndAWebhookCarriesTheEntity() throws Exception {
        clock.set(NOW);
        index.index(history());
        index.index(List.of(
                tagged("Sputnik Таджикистан", "Кабири в Берлине", RUSSIAN_TEXT, "ru", NOW.minus(Duration.ofDays(3))),
                with("Ozodi", "Kabiri in Berlin", NOW.minus(Duration.ofDays(2)), KABIRI, "country:Tajikistan"),
                with("Asia-Plus", "Kabiri again", NOW.minus(Duration.ofDays(1)), KABIRI, "country:Tajikistan")));
        index.refresh();
        ReaderLanguages russian = owner -> Locale.forLanguageTag("ru");
        try (AlertsHarness h = harness(russian)) {
            confirm(h, "dilnoza", "dilnoza@example.org");
            h.bean(SubscriptionService.class)
                    .create(
                            "dilnoza",
                            definition(List.of("person"), 60, 3)
                                    .channels(List.of(
                                            ChannelDefinition.email("dilnoza@example.org"),
                                            ChannelDefinition.webhook(webhook.url(), null, false)))
                                    .build());

            assertThat(h.bean(NewNameAlerts.class).check()).isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            MimeMessage message = mail.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("[Outpost] Новое имя: Мухиддин Кабири (лицо), 3 источника");
            assertThat(MailParts.text(message))
                    .contains("Впервые замечено: Мухиддин Кабири (лицо) — ни одного упоминания за предыдущие 60 дн.")
                    .contains("теперь в 3 источниках")
                    .contains("Первые статьи:");
            assertThat(webhook.received()).hasSize(1);
            var json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(webhook.received().getFirst().body());
            assertThat(json.path("kind").asText()).isEqualTo("first_seen");
            assertThat(json.path("first_seen").path("entity").asText()).isEqualTo(KABIRI);
            assertThat(json.path("first_seen").path("sources").asInt()).isEqualTo(3);
            assertThat(json.path("articles").get(0).path("title").asText()).isEqualTo("Кабири в Берлине");
        }
    }

    @Test
    void nothingIsNewUntilTheIndexReachesBackOverTheDaysAsked() {
        clock.set(NOW);
        index.index(List.of(
                with("Asia-Plus", "Kabiri", NOW.minus(Duration.ofDays(2)), KABIRI, "country:Tajikistan"),
                with("Ozodi", "Kabiri too", NOW.minus(Duration.ofDays(1)), KABIRI, "country:Tajikistan"),
                // older than the window, but not by the 90 days
                with("Ozodi", "Earlier", NOW.minus(Duration.ofDays(40)), "country:Tajikistan")));
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribe(h, List.of("person"), null, null);
            assertThat(h.bean(NewNameAlerts.class).check()).isZero();

            index.index(history());
            index.refresh();
            assertThat(h.bean(NewNameAlerts.class).check()).isEqualTo(1);
        }
    }

    @Test
    void theOptionIsStoredWithItsDefaultsAndReadBack() {
        try (AlertsHarness h = harness()) {
            Subscription s = subscribe(h, List.of("org", "person", "person"), null, null);
            assertThat(s.firstSeen())
                    .isEqualTo(new FirstSeen(
                            List.of(org.outpost.core.entity.EntityType.ORG, org.outpost.core.entity.EntityType.PERSON),
                            90,
                            2));
            SubscriptionDefinition read = s.toDefinition();
            assertThat(read.firstSeenTypes()).containsExactly("org", "person");
            assertThat(read.firstSeenDays()).isEqualTo(90);
            assertThat(read.firstSeenSources()).isEqualTo(2);

            Subscription off = h.bean(SubscriptionService.class)
                    .update(
                            s.id(),
                            "aziza",
                            read.toBuilder().firstSeenTypes(List.of()).build())
                    .orElseThrow();
            assertThat(off.firstSeen()).isNull();
            assertThat(h.bean(org.outpost.alerts.subscription.SubscriptionRepository.class)
                            .withFirstSeen())
                    .extracting(Subscription::id)
                    .doesNotContain(s.id());
        }
    }

    /** An article 120 days old: the index reaches back over the window and the 90 days. */
    private List<Article> history() {
        return List.of(with("Asia-Plus", "Long ago", NOW.minus(Duration.ofDays(120)), "country:Tajikistan"));
    }

    private Subscription subscribe(AlertsHarness h, List<String> types, Integer days, Integer sources) {
        confirm(h, "aziza", "aziza@example.org");
        return h.bean(SubscriptionService.class)
                .create(
                        "aziza",
                        definition(types, days, sources)
                                .channels(List.of(ChannelDefinition.email("aziza@example.org")))
                                .build());
    }

    private static SubscriptionDefinition.Builder definition(List<String> types, Integer days, Integer sources) {
        return SubscriptionDefinition.builder()
                .name("New names in Tajikistan")
                .query("")
                .entities(List.of("country:Tajikistan"))
                .frequency("daily")
                .spikeAlerts(false)
                .paused(false)
                .firstSeenTypes(types)
                .firstSeenDays(days)
                .firstSeenSources(sources);
    }

    private static List<String> told(AlertsHarness h, Subscription s) {
        return h.jdbc()
                .sql("select entity from alert_first_seen where subscription_id = ? order by entity")
                .param(s.id())
                .query(String.class)
                .list();
    }

    /** Tagged by the real gazetteer, as the crawler tags what it fetches. */
    private static Article tagged(String source, String title, String body, String language, Instant when) {
        List<String> entities =
                TAGGER.tag(title + "\n" + body).stream().map(Entity::typed).toList();
        return article(source, title, body, language, when, entities);
    }

    private static Article with(String source, String title, Instant when, String... entities) {
        return article(source, title, title + ".", "en", when, List.of(entities));
    }

    private static Article article(
            String source, String title, String body, String language, Instant when, List<String> entities) {
        return Article.builder(source, title, body)
                .url("https://" + source.hashCode() + ".example/" + UUID.randomUUID())
                .publishedAt(when)
                .language(language)
                .build()
                .withClassification(Map.of(), List.of(), new ArrayList<>(entities));
    }
}
