package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.ReaderTexts;

class SubscriptionDefinitionTest {

    private static SubscriptionDefinition with(String query, List<ChannelDefinition> channels) {
        return SubscriptionDefinition.builder()
                .name("Test")
                .query(query)
                .channels(channels)
                .build();
    }

    private static InvalidSubscriptionException invalid(SubscriptionDefinition d) {
        return (InvalidSubscriptionException) org.assertj.core.api.Assertions.catchThrowable(d::validate);
    }

    @Test
    void aBadQueryIsRefusedWithTheColumnWhereParsingFailed() {
        InvalidSubscriptionException e = invalid(with("border AND (clash", List.of(ChannelDefinition.inApp())));
        assertThat(e.field()).isEqualTo("query");
        assertThat(e.position()).isNotNull().isGreaterThan(11);
        assertThat(e.getMessage()).startsWith("Invalid query at column " + e.position() + ": the query ends too early");

        InvalidSubscriptionException colon = invalid(with("title:) drugs", List.of(ChannelDefinition.inApp())));
        assertThat(colon.position()).isEqualTo(7);
        assertThat(colon.getMessage()).contains("unexpected");
    }

    @Test
    void filterListsAreBoundedUpFrontNamingTheListNeverLeftToTheDatabase() {
        List<String> sources = java.util.stream.IntStream.range(0, 1500)
                .mapToObj(i -> "Source " + i)
                .toList();
        InvalidSubscriptionException many = invalid(SubscriptionDefinition.builder()
                .name("Test")
                .query("border")
                .sources(sources)
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(many.field()).isEqualTo("sources");
        assertThat(many.getMessage()).contains("at most 100", "1500");

        InvalidSubscriptionException longValue = invalid(SubscriptionDefinition.builder()
                .name("Test")
                .query("border")
                .entities(List.of("x".repeat(201)))
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(longValue.field()).isEqualTo("entities");

        // 100 values of 100 characters each pass one by one, but not together into the stored filters
        List<String> wide = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> String.format("%03d", i) + "e".repeat(97))
                .toList();
        InvalidSubscriptionException together = invalid(SubscriptionDefinition.builder()
                .name("Test")
                .query("border")
                .sources(List.of("A"))
                .entities(wide)
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(together.field()).isEqualTo("entities");
        assertThat(together.in(Locale.forLanguageTag("ru")).getMessage()).contains("слишком длинные");
    }

    @Test
    void aQueryKeepsTheWritersLimitsOfLengthAndExpensiveTerms() {
        SubscriptionDefinition wild = with("*stan AND border", List.of(ChannelDefinition.inApp()));
        org.outpost.core.index.QueryLimits viewer = new org.outpost.core.index.QueryLimits(30, false);
        InvalidSubscriptionException refused = (InvalidSubscriptionException)
                org.assertj.core.api.Assertions.catchThrowable(() -> wild.validate(false, viewer));
        assertThat(refused.field()).isEqualTo("query");
        assertThat(refused.getMessage()).contains("not allowed for your role");
        assertThat(refused.in(Locale.forLanguageTag("ru")).getMessage()).contains("недоступны для вашей роли");
        assertThat(wild.validate(false, new org.outpost.core.index.QueryLimits(30, true))
                        .query())
                .isEqualTo("*stan AND border");

        SubscriptionDefinition longer = with("border ".repeat(6), List.of(ChannelDefinition.inApp()));
        InvalidSubscriptionException tooLong = (InvalidSubscriptionException)
                org.assertj.core.api.Assertions.catchThrowable(() -> longer.validate(false, viewer));
        assertThat(tooLong.getMessage()).contains("longer than 30");
    }

    @Test
    void languagesAreTheRecognisedCodesNormalisedAndAnUnknownOneIsNamed() {
        SubscriptionDefinition russian = SubscriptionDefinition.builder()
                .name("Test")
                .query("героин")
                .languages(List.of("RU", "ru-RU", "uz"))
                .channels(List.of(ChannelDefinition.inApp()))
                .build();
        assertThat(russian.validate().filters().languages()).containsExactly("ru", "uz");

        InvalidSubscriptionException klingon = invalid(SubscriptionDefinition.builder()
                .name("Test")
                .query("героин")
                .languages(List.of("tlh"))
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(klingon.field()).isEqualTo("languages");
        assertThat(klingon.getMessage()).contains("'tlh'").contains("ru").contains("other");
    }

    @Test
    void channelsAndSettingsAreCheckedFieldByField() {
        assertThat(invalid(with("drugs", List.of())).field()).isEqualTo("channels");
        assertThat(invalid(with("drugs", List.of(ChannelDefinition.email("not an address"))))
                        .field())
                .isEqualTo("channels[0].address");
        assertThat(invalid(with(
                                "drugs",
                                List.of(
                                        ChannelDefinition.inApp(),
                                        ChannelDefinition.webhook("ftp://x.example", null, false))))
                        .field())
                .isEqualTo("channels[1].url");
        InvalidSubscriptionException local = invalid(with(
                "drugs", List.of(ChannelDefinition.webhook("http://169.254.169.254/latest/meta-data", null, false))));
        assertThat(local.field()).isEqualTo("channels[0].url");
        assertThat(local.getMessage()).contains("not allowed");
        for (String ipv6Trick : List.of(
                "http://[::127.0.0.1]:9/x",
                "http://[::ffff:127.0.0.1]:9/x",
                "http://[64:ff9b::7f00:1]/x",
                "http://[2002:7f00:1::1]/x",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x",
                "http://[fec0::1]/x")) {
            assertThat(invalid(with("drugs", List.of(ChannelDefinition.webhook(ipv6Trick, null, false))))
                            .field())
                    .as(ipv6Trick)
                    .isEqualTo("channels[0].url");
        }
        assertThat(with("drugs", List.of(ChannelDefinition.webhook("http://127.0.0.1:9/hook", null, false)))
                        .validate(true)
                        .channels())
                .hasSize(1);
        assertThat(invalid(with("drugs", List.of(ChannelDefinition.inApp(), ChannelDefinition.inApp())))
                        .field())
                .isEqualTo("channels[1]");
        assertThat(invalid(with("", List.of(ChannelDefinition.inApp()))).getMessage())
                .contains("would match every article");
        assertThatThrownBy(() -> SubscriptionDefinition.builder()
                        .name("T")
                        .query("x")
                        .topics(Map.of("terrorism", 1.5))
                        .channels(List.of(ChannelDefinition.inApp()))
                        .build()
                        .validate())
                .hasMessageContaining("between 0 and 1");
        assertThat(invalid(SubscriptionDefinition.builder()
                                .name("T")
                                .query("x")
                                .frequency("monthly")
                                .channels(List.of(ChannelDefinition.inApp()))
                                .build())
                        .field())
                .isEqualTo("frequency");
        assertThat(invalid(SubscriptionDefinition.builder()
                                .name("T")
                                .query("x")
                                .frequency("daily")
                                .time("25:00")
                                .channels(List.of(ChannelDefinition.inApp()))
                                .build())
                        .field())
                .isEqualTo("time");
        assertThat(invalid(SubscriptionDefinition.builder()
                                .name("T")
                                .query("x")
                                .frequency("daily")
                                .timezone("Mars/Base")
                                .channels(List.of(ChannelDefinition.inApp()))
                                .build())
                        .field())
                .isEqualTo("timezone");
    }

    @Test
    void aTopicFilterAloneIsEnoughAndDefaultsAreFilledIn() {
        SubscriptionDefinition.Valid v = SubscriptionDefinition.builder()
                .name(" Terror ")
                .query("*")
                .topics(Map.of("terrorism", 0.5))
                .channels(List.of(ChannelDefinition.email(" A <analyst@example.org>")))
                .build()
                .validate();
        assertThat(v.name()).isEqualTo("Terror");
        assertThat(v.frequency()).isEqualTo(Frequency.INSTANT);
        assertThat(v.zone().getId()).isEqualTo("UTC");
        assertThat(v.channels()).containsExactly(new Channel.Email("analyst@example.org"));
    }

    @Test
    void aRussianReaderIsToldWhyInRussianAndTheFieldAndColumnStay() {
        InvalidSubscriptionException noName = invalid(SubscriptionDefinition.builder()
                .name(" ")
                .query("drugs")
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(noName.in(ReaderTexts.RUSSIAN).getMessage()).isEqualTo("дайте подписке название");
        assertThat(noName.in(ReaderTexts.RUSSIAN).field()).isEqualTo("name");

        InvalidSubscriptionException query = invalid(with("border AND (clash", List.of(ChannelDefinition.inApp())));
        InvalidSubscriptionException russianQuery = query.in(Locale.of("ru", "RU"));
        assertThat(russianQuery.position()).isEqualTo(query.position());
        assertThat(russianQuery.getMessage())
                .startsWith("Ошибка в запросе, позиция " + query.position() + ".")
                .contains("Синтаксис Lucene", "\"точная фраза\"")
                .doesNotContain("Invalid", "column");

        assertThat(invalid(with("drugs", List.of())).in(ReaderTexts.RUSSIAN).getMessage())
                .startsWith("выберите хотя бы один канал");
        InvalidSubscriptionException local = invalid(with(
                        "drugs",
                        List.of(ChannelDefinition.webhook("http://169.254.169.254/latest/meta-data", null, false))))
                .in(ReaderTexts.RUSSIAN);
        assertThat(local.field()).isEqualTo("channels[0].url");
        assertThat(local.getMessage())
                .startsWith("вебхуки на локальные и частные адреса (169.254.169.254) здесь запрещены");
        assertThat(invalid(with("drugs", List.of(ChannelDefinition.webhook("ftp://x.example", null, false))))
                        .in(ReaderTexts.RUSSIAN)
                        .getMessage())
                .startsWith("адрес вебхука должен начинаться с http://");
        assertThat(invalid(with("drugs", List.of(ChannelDefinition.email("not an address"))))
                        .in(ReaderTexts.RUSSIAN)
                        .getMessage())
                .isEqualTo("«not an address» — не адрес электронной почты");

        InvalidSubscriptionException klingon = invalid(SubscriptionDefinition.builder()
                .name("Test")
                .query("героин")
                .languages(List.of("tlh"))
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(klingon.in(ReaderTexts.RUSSIAN).getMessage())
                .isEqualTo("Outpost не распознаёт язык «tlh»; укажите один из кодов: en, ru, tg, uz, ky, kk, other");
    }

    @Test
    void anEnglishOrOtherReaderGetsTheEnglishReasonUnchanged() {
        InvalidSubscriptionException e = invalid(SubscriptionDefinition.builder()
                .name("T")
                .query("x")
                .frequency("daily")
                .time("25:00")
                .channels(List.of(ChannelDefinition.inApp()))
                .build());
        assertThat(e.getMessage()).isEqualTo("time must be HH:mm (e.g. 08:00), was '25:00'");
        assertThat(e.in(Locale.ENGLISH).getMessage()).isEqualTo(e.getMessage());
        assertThat(e.in(Locale.of("tg")).getMessage()).isEqualTo(e.getMessage());
        assertThat(e.in(ReaderTexts.RUSSIAN).getMessage())
                .isEqualTo("время указывается как ЧЧ:мм (например, 08:00), а не «25:00»");
    }

    @Test
    void overlongChannelStringsAreRefusedUpFrontNamingTheField() {
        String longUrl = "https://hooks.example.org/" + "a".repeat(5000);
        InvalidSubscriptionException url = invalid(
                with("drugs", List.of(ChannelDefinition.inApp(), ChannelDefinition.webhook(longUrl, null, false))));
        assertThat(url.field()).isEqualTo("channels[1].url");
        assertThat(url.getMessage()).isEqualTo("a webhook URL is at most 2048 characters long");
        assertThat(with(
                                "drugs",
                                List.of(ChannelDefinition.webhook(
                                        "https://hooks.example.org/" + "a".repeat(2000), null, false)))
                        .validate()
                        .channels())
                .as("2,026 characters are fine")
                .hasSize(1);

        InvalidSubscriptionException email =
                invalid(with("drugs", List.of(ChannelDefinition.email("a".repeat(300) + "@example.org"))));
        assertThat(email.field()).isEqualTo("channels[0].address");
        assertThat(email.getMessage()).contains("254");

        InvalidSubscriptionException secret = invalid(with(
                "drugs", List.of(ChannelDefinition.webhook("https://hooks.example.org/x", "s".repeat(257), false))));
        assertThat(secret.field()).isEqualTo("channels[0].secret");
        assertThat(secret.getMessage()).doesNotContain("sss");

        assertThat(invalid(with(
                                "drugs",
                                List.of(ChannelDefinition.webhook("https://hooks.slack.com/…/XXXX", null, true))))
                        .field())
                .as("a masked URL sent back for no stored channel")
                .isEqualTo("channels[0].url");

        List<ChannelDefinition> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> ChannelDefinition.email("a" + i + "@example.org"))
                .toList();
        assertThat(invalid(with("drugs", eleven)).field()).isEqualTo("channels");
    }
}
