package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.InvalidSourceException;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

class FolderCrawlTest extends CrawlTestSupport {

    @TempDir
    Path data;

    /** Somewhere no root covers, as /etc would be. */
    @TempDir
    Path outside;

    @Test
    void aFolderOfTextAndHtmlFilesIsIngestedOnceAndChangedFilesAgain() throws IOException {
        Path folder = Files.createDirectories(data.resolve("corpus"));
        Files.writeString(folder.resolve("brief.txt"), "Border guards detain smugglers\n\n" + FixtureSite.story(101));
        Files.writeString(
                folder.resolve("page.html"),
                FixtureSite.articleHtml("Militants detained in Batken", FixtureSite.story(102), "/page"));
        Files.writeString(folder.resolve("notes.md"), "not a document type the folder source reads");
        Files.writeString(folder.resolve("manifest.json"), """
                {"documents": [{"file": "brief.txt", "source": "Agency Brief", "url": null, "language": "en"}]}""");
        try (CrawlerHarness crawler = harness(data)) {
            Source source = crawler.add(new SourceDefinition(
                    "Local folder", "folder", folder.toString(), "PT24H", "UTC", true, null, null, null, false));
            CrawlRun first = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(first.articlesNew()).isEqualTo(2);
            assertThat(indexed()).extracting(Article::source).containsExactlyInAnyOrder("Agency Brief", "Local folder");
            assertThat(indexed())
                    .extracting(Article::title)
                    .contains("Border guards detain smugglers", "Militants detained in Batken");

            CrawlRun second = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
            assertThat(second.articlesNew()).isZero();
            assertThat(second.articlesUnchanged()).isEqualTo(2);

            Files.writeString(
                    folder.resolve("brief.txt"), "Border guards detain smugglers\n\n" + FixtureSite.story(103));
            CrawlRun third = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
            assertThat(third.articlesNew()).isEqualTo(1); // no URL: the changed text is a new article
            assertThat(third.articlesUnchanged()).isEqualTo(1);
        }
    }

    @Test
    void folderSourcesAreForAdminsAndOnlyUnderTheAllowedRoots() {
        try (CrawlerHarness crawler = harness(data)) {
            SourceDefinition etc = new SourceDefinition(
                    "System files", "folder", "/etc", "PT1H", "UTC", true, null, null, null, false);
            assertThatThrownBy(() -> crawler.sources().create(etc, new SourceService.Editor("admin", true)))
                    .isInstanceOf(InvalidSourceException.class)
                    .hasMessageContaining("outside the folders");
            SourceDefinition inside = new SourceDefinition(
                    "Inside", "folder", data.resolve("x").toString(), "PT1H", "UTC", true, null, null, null, false);
            assertThatThrownBy(() -> crawler.sources().create(inside, new SourceService.Editor("analyst", false)))
                    .isInstanceOf(InvalidSourceException.class)
                    .hasMessageContaining("only administrators");
        }
    }

    @Test
    void aLinkedFolderInsideARootThatLeadsOutsideIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "Not for the crawler\n\n" + FixtureSite.story(104));
        Path link = Files.createSymbolicLink(data.resolve("looks-inside"), outside);
        try (CrawlerHarness crawler = harness(data)) {
            SourceDefinition linked = new SourceDefinition(
                    "Linked", "folder", link.toString(), "PT1H", "UTC", true, null, null, null, false);

            assertThatThrownBy(() -> crawler.sources().create(linked, new SourceService.Editor("admin", true)))
                    .isInstanceOfSatisfying(
                            InvalidSourceException.class,
                            e -> assertThat(e.field()).isEqualTo("url"))
                    .hasMessageContaining("outside the folders");
            SourceDefinition under = new SourceDefinition(
                    "Under a link",
                    "folder",
                    link.resolve("new").toString(),
                    "PT1H",
                    "UTC",
                    true,
                    null,
                    null,
                    null,
                    false);
            assertThatThrownBy(() -> crawler.sources().create(under, new SourceService.Editor("admin", true)))
                    .hasMessageContaining("outside the folders");
        }
    }

    @Test
    void linkedFilesAndFoldersInsideASourceFolderThatLeadOutsideAreNotRead() throws IOException {
        Path folder = Files.createDirectories(data.resolve("corpus"));
        Files.writeString(folder.resolve("brief.txt"), "Border guards detain smugglers\n\n" + FixtureSite.story(105));
        Files.writeString(outside.resolve("secret.txt"), "Not for the crawler\n\n" + FixtureSite.story(106));
        Path secrets = Files.createDirectories(outside.resolve("secrets"));
        Files.writeString(secrets.resolve("other.txt"), "Nor this one\n\n" + FixtureSite.story(107));
        Files.createSymbolicLink(folder.resolve("secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(folder.resolve("secrets"), secrets);
        // a link that stays inside the folder is fine
        Files.createSymbolicLink(folder.resolve("same-brief.txt"), folder.resolve("brief.txt"));
        // the source names the folder through a link that stays inside the root: allowed, and read
        Path alias = Files.createSymbolicLink(data.resolve("alias"), folder);
        try (CrawlerHarness crawler = harness(data)) {
            Source source = crawler.add(new SourceDefinition(
                    "Local folder", "folder", alias.toString(), "PT24H", "UTC", true, null, null, null, false));

            CrawlRun run = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            assertThat(indexed()).extracting(Article::title).doesNotContain("Not for the crawler", "Nor this one");
            assertThat(indexed()).extracting(Article::title).contains("Border guards detain smugglers");
            assertThat(crawler.sources().errors(run.id(), 10))
                    .anySatisfy(e -> {
                        assertThat(e.url()).isEqualTo("secret.txt");
                        assertThat(e.kind()).isEqualTo("OUTSIDE_FOLDER");
                    })
                    .noneSatisfy(e -> assertThat(e.url()).isEqualTo("same-brief.txt"));
        }
    }
}
