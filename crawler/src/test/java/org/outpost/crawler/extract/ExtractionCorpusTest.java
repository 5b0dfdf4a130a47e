package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.fetch.TextDecoder;

/**
 * Runs the extractor over the hand-made corpus in {@code src/test/resources/extraction} and
 * scores it against the expected text and metadata written for each page (see the README
 * there). Token-level bag-of-words precision, recall and F1 per page, micro- and macro-averaged.
 */
class ExtractionCorpusTest {

    private static final double MIN_AVERAGE_F1 = 0.90;
    private static final double MIN_PAGE_F1 = 0.60;
    private static final double MAX_FIELD_MISMATCH_SHARE = 0.10;
    private static final int MIN_PAGES = 32;
    /** Wire briefs run 25–60 words; a page whose expected text is shorter than this is one. */
    private static final int BRIEF_WORDS = 80;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Score(String page, int overlap, int extracted, int expected) {
        double precision() {
            return extracted == 0 ? 0 : (double) overlap / extracted;
        }

        double recall() {
            return expected == 0 ? 0 : (double) overlap / expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    @Test
    void extractsTheCorpusWithHighTokenF1AndMostlyCorrectMetadata() throws Exception {
        Path dir = corpusDirectory();
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.+\\.html"))
                    .sorted()
                    .toList();
        }

        ArticleExtractor extractor = new ArticleExtractor();
        List<Score> scores = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int fields = 0;
        int fieldMismatches = 0;
        int briefs = 0;
        List<@Nullable String> lostBriefs = new ArrayList<>();
        Path actualDir = Files.createDirectories(Path.of("target", "extraction-actual"));
        for (Path page : pages) {
            String name = page.getFileName().toString().replaceFirst("\\.html$", "");
            String expectedText = Files.readString(dir.resolve(name + ".expected.txt"), StandardCharsets.UTF_8);
            JsonNode expected =
                    JSON.readTree(Files.readString(dir.resolve(name + ".expected.json"), StandardCharsets.UTF_8));
            String fetchedAt = text(expected, "fetchedAt");
            boolean brief = DomText.words(expectedText) < BRIEF_WORDS;
            briefs += brief ? 1 : 0;
            ExtractedArticle article;
            try {
                // pages are decoded as the crawler decodes them: some are windows-1251, declared or not
                article = extractor.extract(
                        TextDecoder.decode(Files.readAllBytes(page), null),
                        new URI(expected.get("url").asText()),
                        fetchedAt == null ? Instant.now() : Instant.parse(fetchedAt));
            } catch (ExtractionException e) {
                scores.add(new Score(name, 0, 0, tokens(expectedText).size()));
                mismatches.add(name + ": not extracted (" + e.getMessage() + "), so all four fields count as wrong");
                fields += 4;
                fieldMismatches += 4;
                lostBriefs.add(brief ? name : null);
                continue;
            }
            String canonical = text(expected, "canonicalUrl");
            if (canonical != null) {
                fields++;
                fieldMismatches +=
                        compare(name, "canonicalUrl", URI.create(canonical), article.canonicalUrl(), mismatches);
            }
            // kept for a human to diff against the expected text when a score drops
            Files.writeString(actualDir.resolve(name + ".txt"), article.text(), StandardCharsets.UTF_8);
            scores.add(score(name, article.text(), expectedText));
            String date = text(expected, "publishedAt");
            fields += 4;
            fieldMismatches += compare(name, "title", text(expected, "title"), article.title(), mismatches)
                    + compare(name, "author", text(expected, "author"), article.author(), mismatches)
                    + compare(
                            name,
                            "publishedAt",
                            date == null ? null : Instant.parse(date),
                            article.publishedAt(),
                            mismatches)
                    + compare(name, "language", text(expected, "language"), article.language(), mismatches);
        }
        report(scores, mismatches, fieldMismatches, fields);
        lostBriefs.removeIf(Objects::isNull);
        System.out.printf(
                Locale.ROOT,
                "briefs (fewer than %d words of text): %d of %d extracted%s%n",
                BRIEF_WORDS,
                briefs - lostBriefs.size(),
                briefs,
                lostBriefs.isEmpty() ? "" : ", lost: " + lostBriefs);

        assertThat(lostBriefs).as("briefs refused").isEmpty();

        assertThat(pages).hasSizeGreaterThanOrEqualTo(MIN_PAGES);
        double microF1 = micro(scores).f1();
        double macroF1 = scores.stream().mapToDouble(Score::f1).average().orElse(0);
        assertThat(microF1).as("micro-averaged F1").isGreaterThanOrEqualTo(MIN_AVERAGE_F1);
        assertThat(macroF1).as("macro-averaged F1").isGreaterThanOrEqualTo(MIN_AVERAGE_F1);
        assertThat(scores)
                .as("pages below F1 %.2f", MIN_PAGE_F1)
                .allSatisfy(s -> assertThat(s.f1()).as(s.page()).isGreaterThanOrEqualTo(MIN_PAGE_F1));
        assertThat((double) fieldMismatches / fields)
                .as("share of mismatched metadata fields: %s", mismatches)
                .isLessThanOrEqualTo(MAX_FIELD_MISMATCH_SHARE);
    }

    /** Index, category, tag, search-result and error pages: every one refused, with the reason printed. */
    @Test
    void refusesEveryPageOfTheCorpusThatIsNotAnArticle() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(corpusDirectory().resolve("not-articles"))) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        List<String> slipped = new ArrayList<>();
        StringBuilder out = new StringBuilder("\nNot-articles: refusals\n");
        for (Path page : pages) {
            String name = page.getFileName().toString();
            try {
                ExtractedArticle article = extractor.extract(
                        TextDecoder.decode(Files.readAllBytes(page), null),
                        URI.create("https://news.example.org/" + name));
                slipped.add(name);
                out.append(String.format(
                        Locale.ROOT,
                        "%-36s EXTRACTED as \"%s\" (%d words): %s%n",
                        name,
                        article.title(),
                        DomText.words(article.text()),
                        article.text().replace('\n', ' ')));
            } catch (ExtractionException e) {
                out.append(String.format(Locale.ROOT, "%-36s refused: %s%n", name, e.getMessage()));
            }
        }
        out.append(String.format(
                Locale.ROOT, "not-articles refused: %d of %d%n", pages.size() - slipped.size(), pages.size()));
        System.out.println(out);

        assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
        assertThat(slipped).as("pages that are not articles but were extracted").isEmpty();
    }

    /** Lower-cased words, split on anything that is not a letter or a digit. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Bag-of-words overlap: each token counts as often as it occurs in both texts. */
    static Score score(String page, String extracted, String expected) {
        Map<String, Integer> wanted = new HashMap<>();
        List<String> expectedTokens = tokens(expected);
        expectedTokens.forEach(t -> wanted.merge(t, 1, Integer::sum));
        List<String> extractedTokens = tokens(extracted);
        int overlap = 0;
        for (String token : extractedTokens) {
            Integer left = wanted.get(token);
            if (left != null && left > 0) {
                overlap++;
                wanted.put(token, left - 1);
            }
        }
        return new Score(page, overlap, extractedTokens.size(), expectedTokens.size());
    }

    private static Score micro(List<Score> scores) {
        return new Score(
                "micro",
                scores.stream().mapToInt(Score::overlap).sum(),
                scores.stream().mapToInt(Score::extracted).sum(),
                scores.stream().mapToInt(Score::expected).sum());
    }

    private static void report(List<Score> scores, List<String> mismatches, int fieldMismatches, int fields) {
        StringBuilder out = new StringBuilder("\nExtraction corpus: token precision / recall / F1\n");
        out.append(String.format(Locale.ROOT, "%-44s %6s %6s %6s%n", "page", "P", "R", "F1"));
        for (Score s : scores) {
            out.append(String.format(
                    Locale.ROOT, "%-44s %6.3f %6.3f %6.3f%n", s.page(), s.precision(), s.recall(), s.f1()));
        }
        Score micro = micro(scores);
        out.append(String.format(
                Locale.ROOT,
                "%-44s %6.3f %6.3f %6.3f%n",
                "MICRO (" + scores.size() + " pages)",
                micro.precision(),
                micro.recall(),
                micro.f1()));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %6.3f %6.3f %6.3f%n",
                "MACRO",
                scores.stream().mapToDouble(Score::precision).average().orElse(0),
                scores.stream().mapToDouble(Score::recall).average().orElse(0),
                scores.stream().mapToDouble(Score::f1).average().orElse(0)));
        out.append(String.format(
                Locale.ROOT,
                "metadata fields mismatched: %d of %d (%.1f%%)%n",
                fieldMismatches,
                fields,
                100.0 * fieldMismatches / Math.max(1, fields)));
        mismatches.forEach(m -> out.append("  ").append(m).append('\n'));
        System.out.println(out);
    }

    private static int compare(
            String page, String field, @Nullable Object expected, @Nullable Object actual, List<String> mismatches) {
        if (Objects.equals(expected, actual)) {
            return 0;
        }
        mismatches.add(page + ": " + field + " expected <" + expected + "> but was <" + actual + ">");
        return 1;
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static Path corpusDirectory() throws URISyntaxException, IOException {
        var url = Objects.requireNonNull(
                ExtractionCorpusTest.class.getResource("/extraction/README.md"),
                "extraction/README.md on the test classpath");
        return Path.of(url.toURI()).getParent();
    }
}
