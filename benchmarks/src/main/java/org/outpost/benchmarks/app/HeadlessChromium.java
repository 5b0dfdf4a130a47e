package org.outpost.benchmarks.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven through its chromedriver: the browser of the benchmarks and drills. */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    /**
     * Starts a browser with its own profile folder.
     *
     * @param pageLoad {@code EAGER} when {@code get()} should return at DOMContentLoaded (the view's data comes
     *     later, over UIDL and push), {@code NORMAL} to wait for the load event
     */
    public static ChromeDriver start(Path profile, PageLoadStrategy pageLoad) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the flags that keep Chromium from calling home on a machine with a closed network
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(profile));
        options.setPageLoadStrategy(pageLoad);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
