package org.outpost.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Include/exclude patterns cannot hang a crawler thread, and the shipped ones keep working. */
class SourcePatternsTest {

    @Test
    void aCatastrophicPatternOnAHostileAddressReturns() throws Exception {
        // (a+)+$ on a's followed by "!" takes java.util.regex about 2^n steps; RE2/J is linear
        String address = "https://example.org/" + "a".repeat(5_000) + "!";
        Source source = source("(a+)+$", null);

        CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> source.accepts(address));

        assertThat(accepted.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(source.accepts("https://example.org/aaaa")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(\\w+)/\\1", "/news/(?=2026)", "(?<!archive)/story", "a++b"})
    void aPatternRe2CannotRunIsRefusedAtSaveNamingTheField(String pattern) {
        assertThatThrownBy(() -> definition(pattern, null).validate())
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.field()).isEqualTo("includePattern");
                    assertThat(e.message(Locale.ENGLISH)).contains("RE2");
                });
        assertThatThrownBy(() -> definition(null, pattern).validate())
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.field()).isEqualTo("excludePattern"));
    }

    @Test
    void aPatternLongerThanTheLimitIsRefusedNamingTheLimit() {
        String longest = "a".repeat(SourcePatterns.MAX_LENGTH);
        assertThat(definition(longest, null).validate().includePattern()).isEqualTo(longest);

        assertThatThrownBy(() -> definition(longest + "a", null).validate())
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.field()).isEqualTo("includePattern");
                    assertThat(e.message(Locale.ENGLISH)).contains("500");
                    assertThat(e.message(Locale.forLanguageTag("ru"))).contains("500");
                });
    }

    @Test
    void theShippedSourcesPatternsStillCompileAndMatch() throws IOException {
        List<String> patterns;
        try (InputStream in =
                Objects.requireNonNull(getClass().getResourceAsStream("/org/outpost/crawler/default-sources.yml"))) {
            patterns = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("includePattern:") || line.startsWith("excludePattern:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .toList();
        }
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(5);
        for (String pattern : patterns) {
            assertThat(definition(pattern, null).validate().includePattern()).isEqualTo(pattern);
        }
        assertThat(source("/news/|/\\d{4}/", null).accepts("https://x.example/2026/03/story"))
                .isTrue();
        assertThat(source("/en/news/tajikistan/security/\\d{8}/", null)
                        .accepts("https://x.example/en/news/tajikistan/security/20260301/raid"))
                .isTrue();
        assertThat(source("/[a-z-]+/\\d{5,}", "/tag/").accepts("https://x.example/tag/12345"))
                .isFalse();
    }

    private static SourceDefinition definition(String include, String exclude) {
        return new SourceDefinition(
                "Patterns", "sitemap", "https://example.org/", "PT1H", "UTC", true, null, include, exclude, false);
    }

    private static Source source(String include, String exclude) {
        return new Source(
                1,
                "Patterns",
                SourceType.SITEMAP,
                "https://example.org/",
                Schedule.parse("PT1H", "UTC"),
                true,
                null,
                include,
                exclude,
                false,
                null,
                Instant.EPOCH,
                Instant.EPOCH.plus(Duration.ZERO));
    }
}
