package org.outpost.crawler.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.crawl.CrawlerHarness;
import org.outpost.crawler.opml.OpmlEntry.Status;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.crawler.source.SourceType;

/** OPML in and out through the crawler's facade, on a real H2 database. */
@Tag(TestDatabases.TAG)
class OpmlImportTest {

    private static final SourceService.Editor ANALYST = new SourceService.Editor("analyst", false);

    @TempDir
    static Path dataDir;

    private final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "opml-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    private final CrawlerHarness harness;

    OpmlImportTest() {
        index.ensureExists();
        harness = new CrawlerHarness("opml" + UUID.randomUUID().toString().replace("-", ""), index, dataDir, Map.of());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** What Feedly exports: feeds under a category outline, Atom called rss, names in text and title. */
    private static final String FEEDLY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>Analyst subscriptions in feedly Cloud</title></head>
              <body>
                <outline text="Central Asia" title="Central Asia">
                  <outline type="rss" text="Asia-Plus" title="Asia-Plus" xmlUrl="https://asiaplustj.info/rss" htmlUrl="https://asiaplustj.info"/>
                  <outline type="rss" text="Kun.uz" title="Kun.uz" xmlUrl="https://kun.uz/news/rss/"/>
                  <outline type="rss" text="Broken" title="Broken" xmlUrl="ftp://example.org/feed"/>
                  <outline type="rss" text="Kun.uz again" xmlUrl="https://kun.uz/news/rss"/>
                  <outline type="rss" text="Private" xmlUrl="http://intranet.local/feed" />
                </outline>
                <outline type="rss" title="No address"/>
              </body>
            </opml>
            """;

    @Test
    void aPreviewSortsEntriesIntoNewPresentAndInvalidWithTheReasonAndChangesNothing() {
        harness.add(new SourceDefinition(
                "Asia-Plus (ours)",
                "rss",
                "https://asiaplustj.info/rss/",
                "PT1H",
                "UTC",
                false,
                null,
                null,
                null,
                false));
        long before = harness.sources().list().size();

        OpmlPreview preview = harness.sources().previewOpml(FEEDLY, ANALYST);

        assertThat(preview.entries())
                .extracting(e -> e.definition().name(), OpmlEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Asia-Plus", Status.PRESENT),
                        org.assertj.core.groups.Tuple.tuple("Kun.uz", Status.NEW),
                        org.assertj.core.groups.Tuple.tuple("Broken", Status.INVALID),
                        org.assertj.core.groups.Tuple.tuple("Kun.uz again", Status.INVALID),
                        org.assertj.core.groups.Tuple.tuple("Private", Status.NEW),
                        org.assertj.core.groups.Tuple.tuple("No address", Status.INVALID));
        assertThat(preview.entries().get(0).reason(Locale.ENGLISH)).isEqualTo("already here as 'Asia-Plus (ours)'");
        assertThat(preview.entries().get(2).reason(Locale.ENGLISH)).contains("http");
        assertThat(preview.entries().get(3).reason(Locale.ENGLISH)).isEqualTo("listed twice in this file");
        assertThat(preview.entries().get(3).reason(Locale.forLanguageTag("ru")))
                .isEqualTo("указан в этом файле дважды");
        assertThat(preview.entries().get(5).reason(Locale.ENGLISH)).contains("no address");
        assertThat(harness.sources().list()).hasSize((int) before);
    }

    @Test
    void anImportAddsTheNewEntriesOnlyAndASecondImportFindsThemPresent() {
        OpmlPreview imported = harness.sources().importOpml(FEEDLY, ANALYST);

        assertThat(imported.count(Status.NEW)).isEqualTo(3);
        assertThat(imported.entries())
                .filteredOn(e -> e.status() == Status.NEW)
                .allSatisfy(e -> assertThat(e.existingId()).isNotNull());
        assertThat(harness.sources().list())
                .extracting(s -> s.source().name())
                .contains("Asia-Plus", "Kun.uz", "Private")
                .doesNotContain("Broken", "Kun.uz again");

        OpmlPreview again = harness.sources().previewOpml(FEEDLY, ANALYST);
        assertThat(again.count(Status.NEW)).isZero();
        // the second Kun.uz line (the same feed without its trailing slash) is now present too
        assertThat(again.count(Status.PRESENT)).isEqualTo(4);
        assertThat(again.count(Status.INVALID)).isEqualTo(2);
    }

    @Test
    void theExportListsEverySourceWithItsTypeAndAddressAndReadsBackAsPresent() {
        harness.add(new SourceDefinition(
                "Agency \"A\" & Co",
                "atom",
                "https://a.example/atom.xml",
                "PT1H",
                "UTC",
                false,
                "ru",
                null,
                null,
                false));
        harness.add(new SourceDefinition(
                "Ministry",
                "sitemap",
                "https://gov.example/sitemap.xml",
                "PT1H",
                "UTC",
                false,
                null,
                null,
                null,
                false));
        harness.add(new SourceDefinition(
                "Portal", "html", "https://portal.example/news", "PT1H", "UTC", false, null, null, null, false));
        harness.add(new SourceDefinition(
                "Archive", "folder", dataDir.toString(), "PT1H", "UTC", false, null, null, null, false));

        String opml = harness.sources().exportOpml();

        assertThat(opml)
                .contains("<opml version=\"2.0\">")
                .contains(
                        "text=\"Agency &quot;A&quot; &amp; Co\"",
                        "type=\"atom\"",
                        "xmlUrl=\"https://a.example/atom.xml\"")
                .contains("type=\"sitemap\" xmlUrl=\"https://gov.example/sitemap.xml\"")
                .contains("type=\"html\" url=\"https://portal.example/news\"")
                .contains("type=\"folder\" url=\"" + dataDir + "\"");
        assertThat(OpmlReader.read(opml))
                .extracting(SourceDefinition::name, d -> SourceType.of(d.type()), SourceDefinition::url)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "Agency \"A\" & Co", SourceType.ATOM, "https://a.example/atom.xml"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Ministry", SourceType.SITEMAP, "https://gov.example/sitemap.xml"),
                        org.assertj.core.groups.Tuple.tuple("Portal", SourceType.HTML, "https://portal.example/news"),
                        org.assertj.core.groups.Tuple.tuple("Archive", SourceType.FOLDER, dataDir.toString()));
        assertThat(harness.sources()
                        .previewOpml(opml, new SourceService.Editor("admin", true))
                        .entries())
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.PRESENT));
    }

    @Test
    void aFileThatIsNotOpmlIsRefusedWithoutReadingEntities() {
        assertThatThrownBy(() -> harness.sources().previewOpml("<html><body>hi</body></html>", ANALYST))
                .isInstanceOf(InvalidOpmlException.class)
                .hasMessageContaining("not OPML");
        assertThatThrownBy(() -> harness.sources()
                        .previewOpml(
                                "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                        + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://x.example/\"/></body></opml>",
                                ANALYST))
                .isInstanceOf(InvalidOpmlException.class);
        assertThatThrownBy(() -> harness.sources().previewOpml("not xml at all", ANALYST))
                .isInstanceOf(InvalidOpmlException.class);
    }
}
