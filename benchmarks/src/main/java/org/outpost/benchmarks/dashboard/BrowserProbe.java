package org.outpost.benchmarks.dashboard;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outpost.benchmarks.app.HeadlessChromium;

/**
 * Real page loads in Debian's headless Chromium: signs in once, then opens a page by its URL (a
 * full navigation, as a reader opening a bookmark) and waits in the page for the view's
 * "finished" signal. The load time is {@code performance.now()} when the signal first holds,
 * checked on every animation frame, so it runs from navigation start to the frame the data is
 * on screen, without WebDriver round trips in it; the Navigation Timing entry gives the
 * network part (the HTML document) and the load event.
 */
final class BrowserProbe implements AutoCloseable {

    /**
     * Installed before any page script runs (CDP {@code Page.addScriptToEvaluateOnNewDocument}): on
     * every animation frame, checks the current route's "finished" condition and records the
     * first moment it holds, so a slow WebDriver round trip never shows up in the figure.
     */
    private static final String WATCH = """
            (() => {
              const conditions = %s;
              const finished = conditions[location.pathname];
              if (!finished) return;
              const test = new Function('return (' + finished + ');');
              const steps = %s;
              window.__outpostSteps = {};
              const mark = (name) => {
                if (!(name in window.__outpostSteps)) { window.__outpostSteps[name] = performance.now(); }
              };
              // the push channel (Atmosphere over a WebSocket): when it opens and when its first message lands
              const NativeWebSocket = window.WebSocket;
              window.WebSocket = function (...args) {
                const socket = new NativeWebSocket(...args);
                socket.addEventListener('open', () => mark('push connected'));
                let messages = 0;
                socket.addEventListener('message', (m) => {
                  messages++;
                  if (messages <= 6) {
                    window.__outpostSteps['push message ' + messages] = performance.now();
                    window.__outpostSteps['push message ' + messages + ' bytes'] = String(m.data).length;
                  }
                });
                return socket;
              };
              for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) { window.WebSocket[k] = NativeWebSocket[k]; }
              window.WebSocket.prototype = NativeWebSocket.prototype;
              const check = () => {
                const now = performance.now();
                for (const [name, selector] of Object.entries(steps)) {
                  if (document.querySelector(selector) !== null) { mark(name); }
                }
                let ok = false;
                try { ok = test(); } catch (e) { ok = false; }
                if (ok) { window.__outpostFinished = now; }
                else if (now < 120000) { requestAnimationFrame(check); }
              };
              requestAnimationFrame(check);
            })();
            """;

    private static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const xhr = performance.getEntriesByType('resource').filter(r => r.name.includes('v-r='));
            const init = xhr.find(r => r.name.includes('v-r=init'));
            const uidl = xhr.find(r => r.name.includes('v-r=uidl'));
            const scripts = performance.getEntriesByType('resource').filter(r => /\\.js(\\?|$)/.test(r.name));
            const shapes = performance.getEntriesByType('resource').find(r => r.name.includes('.geojson'));
            const steps = Object.assign({}, window.__outpostSteps || {});
            if (scripts.length > 0) { steps['scripts received'] = Math.max(...scripts.map(r => r.responseEnd)); }
            if (shapes) { steps['map shapes asked'] = shapes.startTime; steps['map shapes received'] = shapes.responseEnd; }
            if (uidl) { steps['navigation answer bytes'] = uidl.decodedBodySize; }
            // the charts' own measures (outpost-chart.js): how long each setOption and the map's registration took
            for (const m of performance.getEntriesByType('measure').filter(m => m.name.startsWith('outpost-chart: '))) {
              if (!((m.name.substring(15) + ' (ms of work)') in steps)) { steps[m.name.substring(15) + ' (ms of work)'] = m.duration; }
            }
            for (const chart of document.querySelectorAll('outpost-chart')) {
              if (chart.option) { steps[chart.className.split(' ')[0] + ' option bytes'] = chart.option.length; }
            }
            return {finished: window.__outpostFinished, document: nav ? nav.responseEnd : -1,
                    loadEvent: nav ? nav.loadEventEnd : -1, init: init ? init.responseEnd : -1,
                    navigate: uidl ? uidl.responseEnd : -1, steps: steps};
            """;

    private final URI base;
    private final Path profile;
    private final WebDriver browser;

    /**
     * {@code finishedByPath}: route path (as {@code location.pathname}) to a JS expression true once the view is
     * drawn; {@code steps}: name to CSS selector of the steps on the way, each timed when it first matches.
     */
    BrowserProbe(URI base, Path profile, Map<String, String> finishedByPath, Map<String, String> steps)
            throws Exception {
        this.base = base;
        this.profile = profile;
        // eager: get() returns at DOMContentLoaded; the view's data comes later, over UIDL and push
        ChromeDriver chrome = HeadlessChromium.start(profile, PageLoadStrategy.EAGER);
        browser = chrome;
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90)).pageLoadTimeout(Duration.ofSeconds(90));
        chrome.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        WATCH.formatted(json.writeValueAsString(finishedByPath), json.writeValueAsString(steps))));
    }

    void logIn(String user, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(base.resolve("/login").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** One page load: navigation start to the first frame where the route's condition holds. */
    PageLoad load(String path, Duration timeout) {
        try {
            // about:blank first, so every load is a full navigation and not a same-document route change
            browser.get("about:blank");
            browser.get(base.resolve(path).toString());
        } catch (org.openqa.selenium.TimeoutException e) {
            // on an overloaded machine chromedriver can lose the renderer (load 30 on 2 cores): one failed load,
            // counted as such, not the end of the run
            return PageLoad.failed("navigation timed out: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object result = ((JavascriptExecutor) browser).executeScript(TIMINGS);
            if (result instanceof Map<?, ?> t && t.get("finished") instanceof Number finished) {
                return new PageLoad(
                        finished.doubleValue(),
                        number(t.get("document")),
                        number(t.get("init")),
                        number(t.get("navigate")),
                        steps(t.get("steps")),
                        null);
            }
            if (System.nanoTime() > deadline) {
                return PageLoad.failed("not finished after " + timeout.toSeconds() + " s at " + browser.getCurrentUrl()
                        + " (page saved as " + keep() + ")");
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the browser showed when a load did not finish: a screenshot and the DOM, beside the profile. */
    private Path keep() {
        try {
            Path dir = Files.createDirectories(profile.resolveSibling("failed-loads"));
            Path shot = dir.resolve("load-" + System.currentTimeMillis() + ".png");
            Files.copy(
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                            .toPath(),
                    shot);
            Files.writeString(
                    dir.resolve(shot.getFileName() + ".html"),
                    String.valueOf(
                            ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML")));
            return shot;
        } catch (Exception e) {
            return Path.of("(not saved: " + e + ")");
        }
    }

    private static Map<String, Double> steps(Object value) {
        Map<String, Double> steps = new java.util.TreeMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> steps.put(String.valueOf(k), number(v)));
        }
        return steps;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public void close() {
        browser.quit();
    }

    /**
     * Milliseconds from navigation start: data drawn; HTML document received; Flow's {@code v-r=init}
     * answered; the first UIDL request (the navigation: the view built and its synchronous searches)
     * answered; or why it failed. The rest, to "drawn", is background loads arriving by push and drawing.
     */
    record PageLoad(
            double finished, double document, double init, double navigate, Map<String, Double> steps, String error) {
        static PageLoad failed(String error) {
            return new PageLoad(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(), error);
        }

        boolean ok() {
            return error == null;
        }
    }
}
