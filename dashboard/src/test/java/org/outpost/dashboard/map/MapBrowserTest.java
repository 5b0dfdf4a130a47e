package org.outpost.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.core.article.Article;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map in the browser: drawn on the Overview from the shapes the app serves, the places the sample corpus names on
 * it, a click that opens Explore on the entity, new articles moving the numbers while the page is open, the dark theme
 * at phone width, and no error on the console.
 *
 * <p>The sample corpus alone puts the five places on the map: its scraped pages name Dushanbe, its regional briefs
 * (in English and Russian) Khorog, Panj, Vorukh and Batken. Its stories sit at the dates they state (2015 to 2026), so
 * the Overview is opened on a custom period from 2015 to tomorrow, which also takes in articles indexed now.
 */
class MapBrowserTest extends BrowserTest {

    /** Every console.error, uncaught error and rejected promise of every page, and the chart's own warnings. */
    private static final String RECORD_ERRORS = """
            window.__errors = [];
            const error = console.error.bind(console);
            console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); error(...a); };
            const warn = console.warn.bind(console);
            console.warn = (...a) => { if (String(a[0]).startsWith('outpost-chart')) window.__errors.push(a.map(String).join(' ')); warn(...a); };
            window.addEventListener('error', e => window.__errors.push('error: ' + e.message));
            window.addEventListener('unhandledrejection', e => window.__errors.push('rejection: ' + e.reason));
            """;

    @Autowired
    IngestPipeline pipeline;

    @BeforeEach
    void recordConsoleErrors() {
        ((ChromeDriver) browser)
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ERRORS));
    }

    /** The Overview over the whole sample corpus: from 2015 to tomorrow (UTC), so that now is inside it in any zone. */
    private static String corpusPeriod() {
        return "range=custom&from=2015-01-01&to="
                + LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }

    @Test
    void theOverviewDrawsTheCorpusPlacesAndAClickOpensExploreOnOne() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/?" + corpusPeriod()));
        logIn();
        WebElement map = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("outpost-chart.map-chart[rendered] canvas")));
        waitForCounts("place:Vorukh");

        // named by the sample corpus alone: no test article names them
        assertThat(markers()).contains("place:Dushanbe", "place:Khorog", "place:Panj", "place:Vorukh");
        assertThat(shadedAreas()).contains("region:Batken", "region:Gorno-Badakhshan", "country:Tajikistan");
        // the English and the Russian briefs both count: Khorog and Vorukh are each named in two or more
        assertThat(count("place:Khorog")).isGreaterThanOrEqualTo(2);
        assertThat(count("place:Vorukh")).isGreaterThanOrEqualTo(2);
        // every piece of ECharts the map uses was imported: a missing one draws nothing, silently
        assertThat(chartOptionKeys("outpost-chart.map-chart"))
                .contains("option:geo", "option:tooltip")
                .noneMatch(k -> k.startsWith("missing:"));
        assertThat(
                        js(
                                "return document.querySelector('outpost-chart.map-chart')._chart.getModel().getSeries().map(s => s.subType)"))
                .isEqualTo(List.of("scatter"));
        assertThat(browser.findElement(By.cssSelector(".map-note")).getText()).contains("Natural Earth");
        // the shapes come from the app, gzipped, for the browser to keep
        List<?> served = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('outpost-chart.map-chart').getAttribute('map-src'))
                    .then(r => done([r.status, r.headers.get('cache-control'), r.headers.get('content-encoding')]));
                """);
        assertThat(served.get(0)).isEqualTo(200L);
        assertThat((String) served.get(1)).contains("max-age=31536000").contains("immutable");
        assertThat(served.get(2)).isEqualTo("gzip");
        js("document.querySelector('.map-panel').scrollIntoView({block: 'center'})");
        screenshot("map-overview.png");
        assertThat(errors()).isEmpty();

        // ?at= opens the map on Vorukh, zoomed so the enclave shows, and a click on its marker opens its articles
        browser.get(url("/?" + corpusPeriod() + "&at=place%3AVorukh"));
        map = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("outpost-chart.map-chart[rendered] canvas")));
        waitForCounts("place:Vorukh");
        assertThat(((Number) js("return JSON.parse(document.querySelector('outpost-chart.map-chart').option).geo.zoom"))
                        .doubleValue())
                .isEqualTo(MapOptions.PLACE_ZOOM);
        js("document.querySelector('.map-panel').scrollIntoView({block: 'center'})");
        List<?> at = (List<?>) js("""
                const el = document.querySelector('outpost-chart.map-chart');
                const v = JSON.parse(el.option).series[0].data.find(d => d.name === 'place:Vorukh').value;
                const p = el._chart.convertToPixel({geoIndex: 0}, [v[0], v[1]]);
                return [p[0] - el.clientWidth / 2, p[1] - el.clientHeight / 2];""");
        WebElement chart = browser.findElement(By.cssSelector("outpost-chart.map-chart"));
        new Actions(browser)
                .moveToElement(chart, (int) Math.round(((Number) at.get(0)).doubleValue()), (int)
                        Math.round(((Number) at.get(1)).doubleValue()))
                .click()
                .perform();
        wait.until(ExpectedConditions.urlContains("/explore"));
        assertThat(browser.getCurrentUrl()).contains("q=entities%3A%22place%3AVorukh%22");
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".result-summary"), java.util.regex.Pattern.compile("\\d+ articles?")));
        assertThat(browser.findElement(By.cssSelector(".result-summary")).getText())
                .isNotEqualTo("0 articles");
        assertThat(errors()).isEmpty();
    }

    @Test
    void theMapFollowsTheDarkThemeAndFitsAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.map-chart[rendered]")));
        browser.findElement(By.cssSelector("vaadin-button.theme-toggle")).click();
        wait.until(d -> "dark".equals(js("return document.documentElement.getAttribute('theme')")));
        browser.get(url("/?" + corpusPeriod()));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("outpost-chart.map-chart[rendered] canvas")));
        waitForCounts("place:Vorukh");
        Number overflow = (Number)
                js(
                        "return document.querySelector('.overview-view').scrollWidth - document.querySelector('.overview-view').clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        Number mapWidth =
                (Number) js("return document.querySelector('outpost-chart.map-chart').getBoundingClientRect().right");
        assertThat(mapWidth.intValue()).isLessThanOrEqualTo(390);
        js("document.querySelector('.map-panel').scrollIntoView({block: 'center'})");
        screenshot("map-phone-dark.png");
        assertThat(errors()).isEmpty();
        js("localStorage.removeItem('outpost-theme')");
    }

    @Test
    void anArticleIndexedWhileTheOverviewIsOpenMovesTheMapsNumbers() {
        browser.get(url("/?" + corpusPeriod()));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.map-chart[rendered]")));
        waitForCounts("place:Khorog");
        long before = count("place:Khorog");
        js("window.__outpostMarker = 'same page'");

        Article article = Article.builder(
                        "Map live agency",
                        "Khorog road reopened",
                        "The road from Khorog to the border crossing reopened after a landslide. ".repeat(4))
                .url("https://map.example/live/" + Instant.now().toEpochMilli())
                .fetchedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }

        wait.until(d -> count("place:Khorog") == before + 1);
        assertThat(js("return window.__outpostMarker")).as("no reload happened").isEqualTo("same page");
        assertThat(errors()).isEmpty();
    }

    private long count(String entity) {
        return ((Number) js("""
                        const el = document.querySelector('outpost-chart.map-chart');
                        const d = JSON.parse(el.option).series[0].data.find(d => d.name === '%s');
                        return d ? d.value[2] : 0;""".formatted(entity))).longValue();
    }

    private void waitForCounts(String entity) {
        wait.until(d -> markers().contains(entity));
    }

    @SuppressWarnings("unchecked")
    private List<String> markers() {
        return (List<String>) js("""
                const el = document.querySelector('outpost-chart.map-chart');
                return el && el.option ? JSON.parse(el.option).series[0].data.map(d => d.name) : [];""");
    }

    @SuppressWarnings("unchecked")
    private List<String> shadedAreas() {
        return (List<String>) js("""
                return JSON.parse(document.querySelector('outpost-chart.map-chart').option).geo.regions
                    .filter(r => r.itemStyle && r.itemStyle.areaColor).map(r => r.name);""");
    }

    @SuppressWarnings("unchecked")
    private List<String> errors() {
        return (List<String>) js("return window.__errors || []");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
