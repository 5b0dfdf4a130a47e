package org.outpost.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleExtractorTest {

    private static final URI PAGE = URI.create("https://news.example.kg/en/security/story-1");
    private static final String STORY = """
            <p>Border guards in the Batken region detained three men who tried to cross the frontier at night with a
            load of fuel, the border service said on Thursday, adding that the men had been under surveillance.</p>
            <p>The detainees told investigators that they had been paid to carry the fuel across the river and did not
            know who the buyers were. A criminal case on smuggling has been opened against all three of them.</p>
            """;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void commentsRelatedListsShareBarsAndCaptionsStayOutOfTheText() throws Exception {
        String html = page("<title>Smugglers detained in Batken</title>", """
                <div class="share-bar"><a href="https://facebook.com/sharer?u=x">Facebook</a> <a href="https://x.com/share">X</a></div>
                <article><h1>Smugglers detained in Batken</h1>
                <figure><img src="a.jpg"><figcaption>Border post near Batken at dawn. Photo: press service</figcaption></figure>
                <div class="article-body">%s</div></article>
                <section><h2>Related articles</h2><ul>
                  <li><a href="/a">Fuel prices rise again in the south of the country</a></li>
                  <li><a href="/b">New border post opens near Isfana village</a></li></ul></section>
                <div id="comments" class="comments"><div class="comment"><p>Everyone in our village knows who buys
                this fuel, but nobody will ever arrest them, believe me, I have lived here for forty years.</p></div></div>
                """.formatted(STORY));

        ExtractedArticle article = extractor.extract(html, PAGE);

        assertThat(article.text())
                .startsWith("Border guards in the Batken region")
                .endsWith("opened against all three of them.")
                .doesNotContain("Fuel prices", "Isfana", "forty years", "Facebook", "Photo:", "Smugglers detained");
        assertThat(article.title()).isEqualTo("Smugglers detained in Batken");
    }

    @Test
    void paragraphsHeadingsAndListItemsAreBlocksInDocumentOrder() throws Exception {
        String html = page("<title>Five measures</title>", """
                <div class="entry-content">%s
                <h2>What changes</h2>
                <p>The government listed the following measures, which will apply from the first of next month:</p>
                <ul><li>night patrols on the river,</li><li>new cameras at the crossing points,</li></ul>
                </div>""".formatted(STORY));

        String text = extractor.extract(html, PAGE).text();

        assertThat(text.split("\n\n"))
                .endsWith(
                        "What changes",
                        "The government listed the following measures, which will apply from the first of next month:",
                        "night patrols on the river,",
                        "new cameras at the crossing points,");
        assertThat(text).doesNotContain("\n\n\n").doesNotContain("  ");
    }

    @Test
    void brSeparatedLinesBecomeBlocks() throws Exception {
        String html = page("<title>Old CMS</title>", """
                <table><tr><td class="news">
                Border guards in the Batken region detained three men who tried to cross the frontier at night.<br><br>
                The detainees told investigators that they had been paid to carry the fuel across the river.<br>
                A criminal case on smuggling has been opened against all three of them, the service said.<br><br>
                Residents say that the difference in fuel prices makes such trips worth the risk for many families.
                </td></tr></table>""");

        assertThat(extractor.extract(html, PAGE).text().split("\n\n"))
                .containsExactly(
                        "Border guards in the Batken region detained three men who tried to cross the frontier at night.",
                        "The detainees told investigators that they had been paid to carry the fuel across the river.",
                        "A criminal case on smuggling has been opened against all three of them, the service said.",
                        "Residents say that the difference in fuel prices makes such trips worth the risk for many families.");
    }

    @Test
    void siteNameSuffixesAndPrefixesAreRemovedFromTheTitle() throws Exception {
        assertThat(titleOf("<title>Smugglers detained in Batken | News.kg</title>"))
                .isEqualTo("Smugglers detained in Batken");
        assertThat(titleOf("<meta property=\"og:site_name\" content=\"Pamir Wire\">"
                        + "<title>Smugglers detained in Batken - Pamir Wire</title>"))
                .isEqualTo("Smugglers detained in Batken");
        assertThat(titleOf("<title>Smugglers detained in Batken — news.example.kg</title>"))
                .isEqualTo("Smugglers detained in Batken");
        assertThat(titleOf("<title>NEWS.EXAMPLE :: Smugglers detained in Batken</title>"))
                .isEqualTo("Smugglers detained in Batken");
        // a dash inside the headline is part of it when nothing says the rest is a site name
        assertThat(titleOf("<title>Tajik-Kyrgyz talks - what comes next</title>"))
                .isEqualTo("Tajik-Kyrgyz talks - what comes next");
        assertThat(titleOf("<meta property=\"og:title\" content=\"From og:title\"><title>From title | Site</title>"))
                .isEqualTo("From og:title");
    }

    @Test
    void authorsComeFromJsonLdArraysObjectsStringsAndReferences() throws Exception {
        assertThat(authorOf("""
                <script type="application/ld+json">{"@type":"NewsArticle","author":[
                  {"@type":"Person","name":"Aliya Nurpeisova"},{"@type":"Person","name":"Mark Hendricks"}]}</script>""")).isEqualTo("Aliya Nurpeisova, Mark Hendricks");
        assertThat(
                        authorOf(
                                "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":\"Айгуль Сапарова\"}</script>"))
                .isEqualTo("Айгуль Сапарова");
        assertThat(authorOf("""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"Article","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Daniel Whitcombe"}]}</script>""")).isEqualTo("Daniel Whitcombe");
    }

    @Test
    void bylinesAreReducedToTheNamesAndDroppedFromTheText() throws Exception {
        String html = page("<title>Story</title>", """
                <div class="story"><p class="byline">By Jane Doe | 12 March 2024, 14:30</p>%s</div>""".formatted(STORY));

        ExtractedArticle article = extractor.extract(html, PAGE);

        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.text()).doesNotContain("Jane Doe");
        // a newsroom credited in JSON-LD gives way to the reporter named on the page
        assertThat(
                        authorOf(
                                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                                        + "{\"@type\":\"NewsMediaOrganization\",\"name\":\"Meridian News\"}}</script>",
                                "<div class=\"byline-block\"><div>By Alina Karimova</div><div>Meridian News, Tashkent</div></div>"))
                .isEqualTo("Alina Karimova");
    }

    @Test
    void aDateStatedAtTheTopOfTheTextIsUsedWhenThePageDeclaresNone() throws Exception {
        String html = page("<title>Release</title>", """
                <div id="content"><p>Dushanbe, 14 May 2024 — Officers of the drug control service detained eight people
                in the south of the country, the service said, after a month of surveillance of a smuggling group.</p>%s</div>
                """.formatted(STORY));

        ExtractedArticle article = extractor.extract(html, PAGE);

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
        assertThat(article.dateOrigin()).isEqualTo(PublicationDate.Origin.TEXT);
        ExtractedArticle declared = extractor.extract(
                html.replace(
                        "<title>",
                        "<meta property=\"article:published_time\" content=\"2024-05-15T10:00:00+05:00\"><title>"),
                PAGE);
        assertThat(declared.publishedAt()).isEqualTo(Instant.parse("2024-05-15T05:00:00Z"));
        assertThat(declared.dateOrigin()).isEqualTo(PublicationDate.Origin.OPEN_GRAPH);
    }

    @Test
    void languageIsTheDeclaredPrimarySubtagUnlessTheTextContradictsIt() throws Exception {
        String russian = """
                <p>Пограничники Баткенской области задержали трёх мужчин, которые ночью пытались переправить через
                границу партию горючего. Об этом в четверг сообщила пресс-служба Пограничной службы.</p>
                <p>Задержанные рассказали следователям, что им заплатили за перевозку топлива через реку, и они не знали,
                кто был покупателем. В отношении всех троих возбуждено уголовное дело о контрабанде.</p>""";
        assertThat(extractor
                        .extract("<html lang=\"ru-RU\"><body>" + russian + "</body></html>", PAGE)
                        .language())
                .isEqualTo("ru");
        assertThat(extractor
                        .extract(page("<meta http-equiv=\"content-language\" content=\"en-GB\">", STORY), PAGE)
                        .language())
                .isEqualTo("en");
        assertThat(extractor.extract(page("", STORY), PAGE).language())
                .as("guessed")
                .isEqualTo("en");
        // a template that says "en" on every edition of a multilingual site
        assertThat(extractor
                        .extract("<html lang=\"en\"><body>" + russian + "</body></html>", PAGE)
                        .language())
                .isEqualTo("ru");
    }

    @Test
    void theCanonicalAddressIsReported() throws Exception {
        String html = page(
                "<link rel=\"canonical\" href=\"https://news.example.kg/en/story-1?utm_source=tg\"><title>x</title>",
                STORY);

        assertThat(extractor
                        .extract(html, URI.create("https://m.news.example.kg/story-1?ref=feed"))
                        .canonicalUrl())
                .isEqualTo(URI.create("https://news.example.kg/en/story-1"));
    }

    @Test
    void anEmptyOrTinyPageHasNoArticle() {
        assertThatThrownBy(() -> extractor.extract("", PAGE)).isInstanceOf(ExtractionException.class);
        assertThatThrownBy(() -> extractor.extract("<html><body><p>Coming soon.</p></body></html>", PAGE))
                .isInstanceOf(ExtractionException.class);
        assertThatThrownBy(() -> extractor.extract(
                        "<html><body><p>This page is being updated. Please come back later "
                                + "today, or read our other stories about the region.</p></body></html>",
                        PAGE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("words");
    }

    @Test
    void aBriefOfTwentyFiveWordsIsAnArticleEvenAboveARunOfLinkedHeadlines() throws Exception {
        String html = page("<title>Задержан курьер с героином | Вести</title>", """
                <div class="content"><h1>Задержан курьер с героином</h1>
                <p>Сотрудники Агентства по контролю за наркотиками задержали в Душанбе жителя Рашта, у которого изъяли
                два килограмма героина. Возбуждено уголовное дело, задержанный помещён в изолятор.</p>
                <div><h3><a href="/n/1">Курс сомони к доллару остался без изменений по итогам торгов</a></h3></div>
                <div><h3><a href="/n/2">В Худжанде открылась новая школа на тысячу учеников</a></h3></div>
                <div><h3><a href="/n/3">Синоптики обещают снег в горных районах страны</a></h3></div>
                <div><h3><a href="/n/4">Сборная провела первую тренировку перед матчем</a></h3></div></div>""");

        ExtractedArticle article = extractor.extract(html, PAGE);

        assertThat(article.title()).isEqualTo("Задержан курьер с героином");
        assertThat(article.text()).startsWith("Сотрудники Агентства").doesNotContain("сомони", "школа");
    }

    @Test
    void aShortTextWithoutAHeadlineOrWithoutASentenceIsNoArticle() {
        String words = "Пограничники задержали в Хатлонской области трёх граждан, пытавшихся переправить через реку"
                + " партию гашиша весом восемнадцать килограммов.";
        assertThatThrownBy(() -> extractor.extract("<html><body><div><p>" + words + "</p></div></body></html>", PAGE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("words");
        assertThatThrownBy(() -> extractor.extract(
                        page(
                                "<title>Новости</title>",
                                "<div><p>" + words.replace(".", "").replace(",", "")
                                        + " Подробнее Архив Контакты</p></div>"),
                        PAGE))
                .isInstanceOf(ExtractionException.class);
    }

    @Test
    void aStoryWhosePageDeclaresNoDateTakesTheLatestDateItsTextStatesMarkedAsFromTheText() throws Exception {
        String html = page("<title>Conference</title>", """
                <div id="content"><p>The conference that opened in Dushanbe on 18 October 2022 recalled the peace
                agreement of 27 June 1997 and the border treaty signed on 3 March 2004 by the two governments.</p>%s</div>
                """.formatted(STORY));

        ExtractedArticle article = extractor.extract(html, PAGE, Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2022-10-18T00:00:00Z"));
        assertThat(article.datedFromText()).isTrue();
    }

    @Test
    void russianAndTajikBylinesNameTheAuthorButAPhotoCreditDoesNot() throws Exception {
        String story =
                "<p>Пограничники Баткенской области задержали трёх мужчин, которые ночью пытались переправить через"
                        + " границу партию горючего. В отношении всех троих возбуждено уголовное дело о контрабанде.</p>";

        assertThat(extractor
                        .extract(
                                page(
                                        "<title>Задержаны</title>",
                                        "<div class=\"news\"><h1>Задержаны</h1>"
                                                + "<p class=\"foto\">Фото: Рустам Шарипов</p>" + story + "</div>"),
                                PAGE)
                        .author())
                .isNull();
        assertThat(extractor
                        .extract(
                                page(
                                        "<title>Задержаны</title>",
                                        "<div class=\"news\"><h1>Задержаны</h1>" + story
                                                + "<p>Текст: Айбек Садыров</p></div>"),
                                PAGE)
                        .author())
                .isEqualTo("Айбек Садыров");
        ExtractedArticle tajik = extractor.extract(
                page(
                        "<title>Задержаны</title>",
                        "<div class=\"news\"><h1>Задержаны</h1>" + "<div class=\"info\">Муаллиф: Фарангис Наимова</div>"
                                + story + "</div>"),
                PAGE);
        assertThat(tajik.author()).isEqualTo("Фарангис Наимова");
        assertThat(tajik.text()).doesNotContain("Муаллиф");
    }

    @Test
    void aBriefKeepsItsPlaceAboveFourRelatedCardsWithSummariesButAListingWithAnIntroIsRefused() throws Exception {
        String brief = "<p>Сотрудники Агентства по контролю за наркотиками задержали в Душанбе жителя Рашта, у которого"
                + " изъяли два килограмма героина. Возбуждено уголовное дело, задержанный помещён в изолятор.</p>";
        StringBuilder cards = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            cards.append("<div><a href=\"/n/")
                    .append(i)
                    .append("\">Новость номер ")
                    .append(i)
                    .append(" о событиях в регионе</a>")
                    .append(
                            "<p>Краткое изложение новости, в котором говорится о событиях прошедшей недели в регионе и их")
                    .append(" последствиях для жителей.</p></div>");
        }

        assertThat(extractor
                        .extract(
                                page(
                                        "<title>Задержан курьер</title>",
                                        "<div><h1>Задержан курьер</h1>" + brief + cards + "</div>"),
                                PAGE)
                        .text())
                .startsWith("Сотрудники Агентства")
                .doesNotContain("Краткое изложение");
        String listing = cards.toString().repeat(3);
        assertThatThrownBy(() -> extractor.extract(
                        page(
                                "<title>Регион</title>",
                                "<div><h1>Регион</h1>" + brief.replace("задержали", "сообщают, что задержали") + listing
                                        + "</div>"),
                        PAGE))
                .isInstanceOf(ExtractionException.class);
    }

    @Test
    void aPageOfTwentyThousandLinkedHeadlinesIsJudgedQuickly() {
        StringBuilder list = new StringBuilder(
                "<div class=\"content\"><p>Latest stories from our newsroom, updated every"
                        + " minute, with the headlines of all regions and sections of the site in one long list.</p><ul>");
        for (int i = 0; i < 20_000; i++) {
            list.append("<li><a href=\"/n/")
                    .append(i)
                    .append("\">Border guards detain smugglers near village number ")
                    .append(i)
                    .append("</a> <p>Officers seized goods worth many thousands near the river crossing ")
                    .append(i)
                    .append(".</p></li>");
        }
        String html = page("<title>All news</title>", list + "</ul></div>");
        long start = System.nanoTime();

        assertThatThrownBy(() -> extractor.extract(html, PAGE)).isInstanceOf(ExtractionException.class);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @MethodSource("notArticles")
    void listingsSearchResultsErrorPagesAndScriptShellsHaveNoArticle(Path page) throws IOException {
        String html = org.outpost.crawler.fetch.TextDecoder.decode(Files.readAllBytes(page), null);

        assertThatThrownBy(() -> extractor.extract(html, PAGE)).isInstanceOf(ExtractionException.class);
    }

    static Stream<Path> notArticles() throws IOException, URISyntaxException {
        return Files.list(ExtractionCorpusTest.corpusDirectory().resolve("not-articles"))
                .sorted();
    }

    private String titleOf(String head) throws ExtractionException {
        return extractor.extract(page(head, STORY), PAGE).title();
    }

    private String authorOf(String head) throws ExtractionException {
        return authorOf(head, "");
    }

    private String authorOf(String head, String beforeStory) throws ExtractionException {
        return extractor
                .extract(page(head + "<title>x</title>", beforeStory + STORY), PAGE)
                .author();
    }

    @Test
    void bytesThatAreNotTextAreRefusedAndStrayNulBytesRemoved() throws Exception {
        byte[] random = new byte[16 * 1024];
        new java.util.Random(7).nextBytes(random);
        String binary = new String(random, java.nio.charset.Charset.forName("windows-1252"));
        assertThatThrownBy(() -> extractor.extract(binary, PAGE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("not text");
        String utf16 =
                new String(page("<title>T</title>", STORY).getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(utf16, PAGE)).isInstanceOf(ExtractionException.class);

        ExtractedArticle article = extractor.extract(
                page(
                        "<title>\u0000Smugglers\u0000 detained</title>",
                        "<article>" + STORY.replace(". ", ".\u0000 ") + "</article>"),
                PAGE);

        assertThat(article.title() + article.text()).doesNotContain("\u0000");
        assertThat(article.title()).isEqualTo("Smugglers detained");
    }

    @Test
    void impossibleDatesCountAsNoDate() throws Exception {
        String html = page("""
                <title>Smugglers detained</title>
                <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
                <meta property="article:published_time" content="2999-12-31T23:59:59Z">""", "<article><time datetime=\"2024-05-15T05:00:00Z\"></time>" + STORY + "</article>");

        assertThat(extractor.extract(html, PAGE).publishedAt()).isEqualTo(Instant.parse("2024-05-15T05:00:00Z"));
    }

    @Test
    void aPageNestedDeeperThanBrowsersGoIsRefusedQuickly() throws Exception {
        String html = page(
                "<title>Deep</title>",
                "<div>".repeat(20_000) + "<article>" + STORY + "</article>" + "</div>".repeat(20_000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> extractor.extract(html, PAGE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("nested");
        // before the limit, this page took about a minute (text read again at every level)
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(extractor
                        .extract(
                                page(
                                        "<title>Deep</title>",
                                        "<div>".repeat(100) + "<article>" + STORY + "</article>"
                                                + "</div>".repeat(100)),
                                PAGE)
                        .text())
                .startsWith("Border guards in the Batken region");
    }

    private static String page(String head, String body) {
        return "<html><head>" + head + "</head><body>" + body + "</body></html>";
    }
}
