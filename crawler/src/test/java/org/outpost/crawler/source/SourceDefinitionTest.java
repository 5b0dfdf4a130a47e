package org.outpost.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceDefinitionTest {

    private static SourceDefinition of(String type, String url, String schedule, String zone) {
        return new SourceDefinition("Name", type, url, schedule, zone, true, null, null, null, null);
    }

    @Test
    void aValidDefinitionGetsDefaults() {
        SourceDefinition.Valid valid = new SourceDefinition(
                        "Agency", "RSS", "https://agency.example/feed", null, null, null, "RU", null, null, null)
                .validate();
        assertThat(valid.type()).isEqualTo(SourceType.RSS);
        assertThat(valid.schedule().isAdaptive()).isTrue();
        assertThat(valid.schedule().isCron()).isFalse();
        assertThat(valid.schedule().interval()).isNull();
        assertThat(valid.enabled()).isTrue();
        assertThat(valid.language()).isEqualTo("ru");
    }

    @Test
    void eachBadFieldIsNamedWithAReason() {
        assertThatThrownBy(
                        () -> of("podcast", "https://a.example", "PT1H", "UTC").validate())
                .hasMessageContaining("type")
                .hasMessageContaining("rss, atom, sitemap, html, folder");
        assertThatThrownBy(
                        () -> of("rss", "ftp://a.example/feed", "PT1H", "UTC").validate())
                .hasMessageContaining("url")
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> of("rss", "https://", "PT1H", "UTC").validate())
                .hasMessageContaining("url");
        assertThatThrownBy(() ->
                        of("rss", "https://a.example", "every hour", "UTC").validate())
                .hasMessageContaining("schedule")
                .hasMessageContaining("cron");
        assertThatThrownBy(() ->
                        of("rss", "https://a.example", "0 0 25 * * ?", "UTC").validate())
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("schedule");
        assertThatThrownBy(() ->
                        of("rss", "https://a.example", "0 0 99 * * ?", "UTC").validate())
                .hasMessageContaining("hours must be between 0 and 23, was 99");
        assertThat(of("rss", "https://a.example", "0 0/15 6-18 ? * MON-FRI", "UTC")
                        .validate()
                        .schedule()
                        .isCron())
                .isTrue();
        assertThatThrownBy(() -> of("rss", "https://a.example", "PT10S", "UTC").validate())
                .hasMessageContaining("one run a minute");
        assertThatThrownBy(() ->
                        of("rss", "https://a.example", "PT1H", "Mars/Olympus").validate())
                .hasMessageContaining("timezone");
        assertThatThrownBy(() -> new SourceDefinition(
                                "N", "html", "https://a.example", null, null, null, null, "([a-z", null, null)
                        .validate())
                .hasMessageContaining("includePattern");
        assertThatThrownBy(() -> new SourceDefinition(
                                " ", "rss", "https://a.example", null, null, null, null, null, null, null)
                        .validate())
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).field()).isEqualTo("name"));
    }

    @Test
    void cronSchedulesRunInTheSourcesTimeZone() {
        Schedule six = Schedule.parse("0 0 6 * * ?", "Asia/Dushanbe");
        assertThat(six.isCron()).isTrue();
        // 06:00 in Dushanbe (UTC+5) is 01:00 UTC
        assertThat(six.nextAfter(Instant.parse("2026-03-03T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    }
}
