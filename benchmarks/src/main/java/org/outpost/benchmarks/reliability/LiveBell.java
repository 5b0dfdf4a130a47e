package org.outpost.benchmarks.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outpost.benchmarks.app.HeadlessChromium;

/**
 * A page of the app open in Debian's headless Chromium, signed in, that nobody reloads: what its
 * notification bell shows is what server push brought it. A MutationObserver in the page writes
 * down every change of the bell's unread count ({@code data-unread}) with the wall-clock time, so
 * the drill reads when each count appeared without timing WebDriver round trips.
 */
final class LiveBell implements AutoCloseable {

    /** Installed once the page is drawn: records the count now and on every change. */
    private static final String OBSERVE = """
            if (window.__outpostBell) return true;
            const bell = document.querySelector('.notification-bell');
            if (!bell) return false;
            window.__outpostBell = [[Date.now(), bell.getAttribute('data-unread')]];
            new MutationObserver(() => window.__outpostBell.push([Date.now(), bell.getAttribute('data-unread')]))
                .observe(bell, {attributes: true, attributeFilter: ['data-unread']});
            return true;
            """;

    /** One count the bell showed, and from when. */
    record Shown(Instant at, long unread) {}

    private final WebDriver browser;

    LiveBell(URI base, Path profile, String user, String password) throws Exception {
        browser = HeadlessChromium.start(profile, PageLoadStrategy.NORMAL);
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(90));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            browser.get(base.resolve("/login").toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                    .sendKeys(user);
            browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            wait.until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(OBSERVE)));
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }

    /** Every count the bell has shown since the page was opened, oldest first. */
    List<Shown> history() {
        Object raw = ((JavascriptExecutor) browser).executeScript("return window.__outpostBell || [];");
        List<Shown> out = new ArrayList<>();
        if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number at) {
                    String value = pair.get(1) == null ? "0" : pair.get(1).toString();
                    out.add(new Shown(Instant.ofEpochMilli(at.longValue()), parse(value)));
                }
            }
        }
        return out;
    }

    /** When the bell first showed at least {@code unread}; null if it has not (yet). */
    static @org.jspecify.annotations.Nullable Instant firstShowing(List<Shown> history, long unread) {
        return history.stream()
                .filter(s -> s.unread() >= unread)
                .map(Shown::at)
                .findFirst()
                .orElse(null);
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
