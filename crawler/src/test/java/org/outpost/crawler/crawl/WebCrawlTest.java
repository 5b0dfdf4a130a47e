package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.run.CrawlError;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

/** Crawls of a real HTTP server: what was indexed and what was recorded, case by case. */
@Tag(TestDatabases.TAG)
class WebCrawlTest extends CrawlTestSupport {

    @TempDir
    Path data;

    FixtureSite site;
    CrawlerHarness crawler;

    @BeforeEach
    void start() throws IOException {
        site = new FixtureSite();
        crawler = harness(
                data, Map.of("outpost.crawler.max-body-bytes", "200000", "outpost.crawler.max-retry-wait", "3s"));
    }

    @AfterEach
    void stop() {
        crawler.close();
        site.close();
    }

    CrawlRun run(Source source) {
        return crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
    }

    @Test
    void aFeedIsCrawledScoredIndexedAndAnnouncedOnceAndTheSecondRunAddsNothing() {
        site.feed("/feed.xml", "/news/2026/03/a-1", "/news/2026/03/a-2", "/news/2026/03/a-3")
                .article("/news/2026/03/a-1", "Heroin seized near Khorog", 1)
                .article("/news/2026/03/a-2", "Weapons found in Osh", 2)
                .article("/news/2026/03/a-3", "Customs stop fuel smugglers", 3);
        Source feed = crawler.add("Fixture feed", "rss", site.url("/feed.xml"));

        CrawlRun first = run(feed);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.articlesNew()).isEqualTo(3);
        assertThat(first.pagesFetched()).isEqualTo(4);
        assertThat(indexed()).hasSize(3).allSatisfy(article -> {
            assertThat(article.source()).isEqualTo("Fixture feed");
            assertThat(article.body())
                    .contains("kilograms")
                    .doesNotContain("cookies", "Related articles", "Share on", "©");
            assertThat(article.topics()).contains("drug_trafficking");
            assertThat(article.publishedAt()).isNotNull();
            assertThat(article.canonicalUrl()).startsWith(site.url("/news/2026/03/a-"));
        });
        assertThat(crawler.events).hasSize(3).allMatch(e -> e.change() == ArticleIndexed.Change.NEW);
        assertThat(crawler.meters
                        .get("outpost.crawler.pages")
                        .tag("status", "ok")
                        .counter()
                        .count())
                .isEqualTo(4);
        assertThat(crawler.meters
                        .get("outpost.ingest.articles")
                        .tag("outcome", "new")
                        .counter()
                        .count())
                .isEqualTo(3);

        CrawlRun second = run(feed);

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.articlesNew()).isZero();
        assertThat(site.conditionalRequests).containsExactly("/feed.xml"); // answered 304
        assertThat(site.count("/news/2026/03/a-1")).isEqualTo(1);
        assertThat(indexed()).hasSize(3);
        assertThat(crawler.events).hasSize(3);
    }

    @Test
    void anArticleTheFeedSaysChangedIsFetchedAgainAndUpdatedInPlaceOnlyIfItsTextChanged() {
        site.feed("/feed.xml", "/news/2026/03/changing", "/news/2026/03/steady")
                .article("/news/2026/03/changing", "Talks on the border", 71)
                .article("/news/2026/03/steady", "Steady story", 72);
        Source feed = crawler.add("Fixture updates", "rss", site.url("/feed.xml"));
        run(feed);
        String id = indexed().stream()
                .filter(a -> a.url().endsWith("changing"))
                .findFirst()
                .orElseThrow()
                .id();

        // the agency corrects one story and re-dates both items in its feed
        site.article("/news/2026/03/changing", "Talks on the border", 73)
                .feed(
                        "/feed.xml",
                        java.time.Instant.now().plusSeconds(3600),
                        "/news/2026/03/changing",
                        "/news/2026/03/steady");
        CrawlRun second = run(feed);

        assertThat(second.articlesUpdated()).isEqualTo(1);
        assertThat(second.articlesUnchanged()).isEqualTo(1);
        assertThat(second.articlesNew()).isZero();
        assertThat(indexed()).hasSize(2);
        assertThat(index.get(id).orElseThrow().body())
                .contains("operation number 7300")
                .doesNotContain("operation number 7100");
        assertThat(crawler.events)
                .extracting(ArticleIndexed::change)
                .containsExactlyInAnyOrder(
                        ArticleIndexed.Change.NEW,
                        ArticleIndexed.Change.NEW,
                        ArticleIndexed.Change.UPDATED,
                        ArticleIndexed.Change.UNCHANGED);
    }

    @Test
    void aGzippedSitemapIndexLeadsToItsArticlesAndIncludeAndExcludePatternsApply() throws IOException {
        String child = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc><lastmod>2026-03-01</lastmod></url>
                <url><loc>%s</loc><lastmod>2026-03-02</lastmod></url>
                <url><loc>%s</loc></url>
                </urlset>""".formatted(site.url("/news/s-1"), site.url("/news/s-2"), site.url("/video/s-3"));
        String root = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(site.url("/sitemap-news.xml.gz"));
        site.page("/sitemap.xml", "application/xml", root)
                .bytes("/sitemap-news.xml.gz", "application/x-gzip", gzip(child))
                .article("/news/s-1", "Border talks resume", 11)
                .article("/news/s-2", "Militants detained", 12)
                .article("/video/s-3", "Video report", 13);
        Source sitemap = crawler.add(new SourceDefinition(
                "Fixture sitemap",
                "sitemap",
                site.url("/sitemap.xml"),
                "PT1H",
                "Asia/Dushanbe",
                false,
                "en",
                "/news/",
                null,
                true));

        CrawlRun run = run(sitemap);

        assertThat(run.articlesNew()).isEqualTo(2);
        assertThat(indexed())
                .extracting(Article::url)
                .containsExactlyInAnyOrder(site.url("/news/s-1"), site.url("/news/s-2"));
        assertThat(site.count("/video/s-3")).isZero();
    }

    @Test
    void aListingPageIsFollowedToItsArticlesButNotToOtherLinks() {
        String listing = """
                <html><body><nav><a href="/">Home</a><a href="/about">About</a></nav>
                <ul><li><a href="/security/2026/03/border-incident-in-batken">Border incident</a></li>
                <li><a href="/security/2026/03/cell-detained-in-khujand?utm_source=home">Cell detained</a></li>
                <li><a href="https://elsewhere.example/2026/03/other-site-story">Other site</a></li></ul>
                <footer><a href="/contact">Contact</a></footer></body></html>""";
        site.page("/security", "text/html", listing)
                .article("/security/2026/03/border-incident-in-batken", "Border incident in Batken", 21)
                .article("/security/2026/03/cell-detained-in-khujand", "Cell detained in Khujand", 22);
        Source source = crawler.add("Fixture listing", "html", site.url("/security"));

        CrawlRun run = run(source);

        assertThat(run.articlesNew()).isEqualTo(2);
        assertThat(site.requests).doesNotContain("/about", "/contact", "/");
        // tracking parameters are not part of the address
        assertThat(indexed()).extracting(Article::url).contains(site.url("/security/2026/03/cell-detained-in-khujand"));
    }

    @Test
    void robotsRedirectsLoopsSlowHugeBombsAndWrongTypesAreRecordedWithReasons() throws IOException {
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
                .feed(
                        "/feed.xml",
                        "/ok",
                        "/private/secret-report",
                        "/moved",
                        "/loop-a",
                        "/slow",
                        "/huge",
                        "/bomb",
                        "/pdf")
                .article("/ok", "A normal article", 31)
                .article("/private/secret-report", "Secret", 32)
                .on("/moved", ex -> {
                    ex.getResponseHeaders().set("Location", "/final");
                    ex.sendResponseHeaders(301, -1);
                })
                .article("/final", "Moved article", 33)
                .on("/loop-a", ex -> {
                    ex.getResponseHeaders().set("Location", "/loop-b");
                    ex.sendResponseHeaders(302, -1);
                })
                .on("/loop-b", ex -> {
                    ex.getResponseHeaders().set("Location", "/loop-a");
                    ex.sendResponseHeaders(302, -1);
                })
                .on("/slow", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0);
                    try {
                        for (int i = 0; i < 50; i++) {
                            ex.getResponseBody().write("<p>drip</p>".getBytes(StandardCharsets.UTF_8));
                            ex.getResponseBody().flush();
                            Thread.sleep(200);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .page("/huge", "text/html", "<html><body>" + "<p>padding text</p>".repeat(20_000) + "</body></html>")
                .on("/bomb", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    byte[] bomb = gzip(" ".repeat(20_000_000));
                    ex.sendResponseHeaders(200, bomb.length);
                    ex.getResponseBody().write(bomb);
                })
                .bytes("/pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'});
        Source feed = crawler.add("Fixture hostile", "rss", site.url("/feed.xml"));

        CrawlRun run = run(feed);

        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(indexed()).extracting(Article::url).containsExactlyInAnyOrder(site.url("/ok"), site.url("/final"));
        assertThat(site.count("/private/secret-report")).isZero();
        assertThat(crawler.sources().errors(run.id(), 50))
                .extracting(CrawlError::url, CrawlError::kind)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(site.url("/private/secret-report"), "DISALLOWED_BY_ROBOTS"),
                        org.assertj.core.groups.Tuple.tuple(site.url("/loop-a"), "REDIRECT_LIMIT"),
                        org.assertj.core.groups.Tuple.tuple(site.url("/slow"), "TIMEOUT"),
                        org.assertj.core.groups.Tuple.tuple(site.url("/huge"), "TOO_LARGE"),
                        org.assertj.core.groups.Tuple.tuple(site.url("/bomb"), "TOO_LARGE"),
                        org.assertj.core.groups.Tuple.tuple(site.url("/pdf"), "UNSUPPORTED_CONTENT_TYPE"));
        assertThat(run.errors()).isEqualTo(6);
    }

    @Test
    void aWindows1251PageComesOutAsCorrectCyrillic() {
        String text = "Пограничники Таджикистана задержали трёх контрабандистов на реке Пяндж. ".repeat(4)
                + "\n\nПо данным ведомства, изъято сорок килограммов героина и оружие. ".repeat(4);
        String html = FixtureSite.articleHtml("Задержаны контрабандисты", text, "/ru/1")
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1251\">")
                .replace("lang=\"en\"", "lang=\"ru\"");
        site.feed("/feed.xml", "/ru/1")
                .bytes("/ru/1", "text/html", FixtureSite.encode(html, Charset.forName("windows-1251")));
        Source feed = crawler.add("Fixture Russian", "rss", site.url("/feed.xml"));

        run(feed);

        assertThat(indexed()).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Задержаны контрабандисты");
            assertThat(article.body()).contains("Пограничники Таджикистана", "героина");
            assertThat(article.language()).isEqualTo("ru");
        });
    }

    @Test
    void anArticleReachedThroughATrackedFeedLinkIsStoredUnderItsCanonicalAddress() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture</title>
                <item><title>One</title><link>%s</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
                <item><title>Two</title><link>%s</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(
                        site.url("/news/2026/03/tracked?utm_source=rss&amp;utm_medium=feed&amp;from=rss"),
                        site.url("/m/news/moved?utm_source=rss&amp;id=5"));
        site.page("/feed.xml", "application/rss+xml", rss)
                .article("/news/2026/03/tracked", "Heroin seized near Khorog", 81)
                // the mobile copy names the desktop address as its canonical one
                .page(
                        "/m/news/moved",
                        "text/html; charset=utf-8",
                        FixtureSite.articleHtml("Weapons found in Osh", FixtureSite.story(82), "/m/news/moved")
                                .replace(
                                        "</title>",
                                        "</title><link rel=\"canonical\" href=\"/news/2026/03/weapons-osh\">"));
        Source feed = crawler.add("Fixture tracked", "rss", site.url("/feed.xml"));

        run(feed);

        assertThat(indexed())
                .extracting(Article::url)
                .containsExactlyInAnyOrder(site.url("/news/2026/03/tracked"), site.url("/news/2026/03/weapons-osh"));
        assertThat(indexed())
                .allSatisfy(article -> assertThat(article.canonicalUrl()).isEqualTo(article.url()));
    }

    @Test
    void aThirtyNineWordRussianBriefFromAnUndeclaredWindows1251FeedIsIndexedWithTheFeedsDate() {
        String rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>Памир-Пресс</title>
                <item><title>Пограничники задержали нарушителя с 40 кг героина</title><link>%s</link>
                <pubDate>Mon, 16 Nov 2026 09:15:00 +0500</pubDate></item></channel></rss>""".formatted(site.url("/ru/news/geroin?utm_source=rss&amp;utm_medium=feed"));
        String brief =
                "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина. Как сообщили"
                        + " в пресс-центре ГКНБ, задержание произошло ночью на участке погранотряда «Хорог» в Горно-Бадахшанской"
                        + " автономной области. В отношении задержанного возбуждено уголовное дело, ведётся следствие.";
        String html =
                "<html><head><title>Пограничники задержали нарушителя с 40 кг героина » Памир-Пресс</title></head><body>"
                        + "<div class=\"menu\"><a href=\"/\">Главная</a> <a href=\"/ru/news\">Новости</a></div>"
                        + "<h1>Пограничники задержали нарушителя с 40 кг героина</h1><div class=\"txt\">" + brief
                        + "</div>"
                        + "<div class=\"lenta\"><a href=\"/ru/news/1\">Курс сомони к доллару остался без изменений</a><br>"
                        + "<a href=\"/ru/news/2\">Синоптики обещают снег в горных районах</a><br>"
                        + "<a href=\"/ru/news/3\">В Душанбе открылась новая школа</a></div></body></html>";
        Charset cp1251 = Charset.forName("windows-1251");
        // neither the feed nor the page declares its encoding, and the server sends no charset
        site.bytes("/feed.xml", "application/rss+xml", FixtureSite.encode(rss, cp1251))
                .bytes("/ru/news/geroin", "text/html", FixtureSite.encode(html, cp1251));
        Source feed = crawler.add("Fixture brief", "rss", site.url("/feed.xml"));

        CrawlRun run = run(feed);

        assertThat(run.errors()).isZero();
        assertThat(indexed()).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Пограничники задержали нарушителя с 40 кг героина");
            assertThat(article.body()).isEqualTo(brief);
            assertThat(article.language()).isEqualTo("ru");
            assertThat(article.url()).isEqualTo(site.url("/ru/news/geroin"));
            assertThat(article.publishedAt()).isEqualTo(java.time.Instant.parse("2026-11-16T04:15:00Z"));
        });
    }

    @Test
    void retryAfterIsHonouredAndAHostAskingForHoursIsLeftForTheNextRun() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        site.feed("/feed.xml", "/busy", "/later").on("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                ex.sendResponseHeaders(429, -1);
                return;
            }
            FixtureSite.respond(
                    ex,
                    200,
                    "text/html",
                    FixtureSite.articleHtml("Busy but fine", FixtureSite.story(41), "/busy")
                            .getBytes(StandardCharsets.UTF_8));
        });
        Source feed = crawler.add("Fixture busy", "rss", site.url("/feed.xml"));

        long started = System.nanoTime();
        CrawlRun run = run(feed);

        assertThat(run.articlesNew()).isEqualTo(1);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);

        site.on("/later", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            ex.sendResponseHeaders(429, -1);
        });
        site.feed("/feed.xml", "/later", "/after-later");
        long laterBefore = site.count("/later"); // 404 in the first run, before it had a page
        site.article("/after-later", "Same host, later", 42);
        CrawlRun deferred = run(feed);
        assertThat(deferred.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(crawler.sources().errors(deferred.id(), 10))
                .extracting(CrawlError::kind)
                .containsExactly("DEFERRED");
        assertThat(site.count("/after-later")).isZero(); // the host asked for an hour: nothing more this run
        assertThat(site.count("/later")).isEqualTo(laterBefore + 1);
    }

    @Test
    void theSameStoryUnderAnotherAddressOrWithAnotherFooterIsACopyNotASecondArticle() {
        String story = FixtureSite.story(51);
        site.feed("/feed.xml", "/original", "/mirror", "/reprint", "/different")
                .page("/original", "text/html", FixtureSite.articleHtml("Heroin haul in Panj", story, "/original"))
                .page("/mirror", "text/html", FixtureSite.articleHtml("Heroin haul in Panj", story, "/mirror"))
                .page(
                        "/reprint",
                        "text/html",
                        FixtureSite.articleHtml(
                                "Heroin haul in Panj (Agency)",
                                story + "\n\nFollow our agency on Telegram for the latest news from the region.",
                                "/reprint"))
                .article("/different", "A different story", 52);
        Source feed = crawler.add("Fixture copies", "rss", site.url("/feed.xml"));

        CrawlRun run = run(feed);

        assertThat(run.articlesNew()).isEqualTo(2);
        assertThat(run.articlesDuplicate()).isEqualTo(2);
        Article original = indexed().stream()
                .filter(a -> a.url().endsWith("/original"))
                .findFirst()
                .orElseThrow();
        assertThat(indexed())
                .filteredOn(a -> a.duplicateOf() != null)
                .extracting(Article::duplicateOf)
                .containsOnly(original.id());
        assertThat(listed()).isEqualTo(2);
        assertThat(crawler.events)
                .filteredOn(e -> e.change() == ArticleIndexed.Change.DUPLICATE)
                .hasSize(2);
    }

    @Test
    void aServerThatDiesMidRunLosesNothingTheNextRunCannotFetch() {
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        String[] paths = new String[6];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/news/2026/03/dying-" + i;
            int seed = 60 + i;
            String path = paths[i];
            site.on(path, ex -> {
                if (served.incrementAndGet() == 4) {
                    site.down = true; // the server goes away in the middle of the run
                    ex.close();
                    return;
                }
                FixtureSite.respond(
                        ex,
                        200,
                        "text/html",
                        FixtureSite.articleHtml("Story " + seed, FixtureSite.story(seed), path)
                                .getBytes(StandardCharsets.UTF_8));
            });
        }
        site.feed("/feed.xml", paths);
        Source feed = crawler.add("Fixture dying", "rss", site.url("/feed.xml"));

        CrawlRun broken = run(feed);

        assertThat(broken.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(broken.articlesNew()).isEqualTo(3);
        assertThat(broken.errors()).isEqualTo(3);
        assertThat(crawler.sources().errors(broken.id(), 10))
                .extracting(CrawlError::kind)
                .containsOnly("NETWORK_ERROR");
        assertThat(indexed()).hasSize(3);

        site.down = false;
        CrawlRun healed = run(feed);

        assertThat(healed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(healed.articlesNew()).isEqualTo(3);
        assertThat(healed.articlesUnchanged()).isEqualTo(3); // known pages are not fetched again
        assertThat(indexed()).hasSize(6);
        for (String path : paths) {
            assertThat(indexed()).filteredOn(a -> a.url().endsWith(path)).hasSize(1);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
