package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

class AlertsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "secret-pass-1";
    private static final String QUERY = "border AND (drug* OR heroin)";

    @Autowired
    IngestPipeline pipeline;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anAlertCreatedFromExploreRingsTheBellWhenAMatchingArticleArrives() throws Exception {
        String user = "watcher-" + System.nanoTime();
        users.createUser(User.withUsername(user)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                .build());
        seedOtherAlerts(user);
        browser.manage().window().setSize(new Dimension(1280, 1000));

        browser.get(url(
                "/explore?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8).replace("+", "%20")));
        logInAs(user);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.create-alert")))
                .click();

        wait.until(ExpectedConditions.urlContains("/alerts"));
        WebElement query = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-text-field.subscription-query input")));
        wait.until(d -> QUERY.equals(query.getDomProperty("value")));
        WebElement inApp = browser.findElement(By.xpath("//vaadin-checkbox[contains(., 'In Outpost')]"));
        assertThat(inApp.getDomAttribute("checked"))
                .as("in-app is on for a new alert")
                .isNotNull();

        browser.findElement(By.cssSelector("vaadin-button.preview-button")).click();
        WebElement counts =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".preview-counts")));
        assertThat(counts.getText())
                .matches(
                        "Would have matched [\\d,]+ articles? in the last 7 days, [\\d,]+ articles? in the last 30 days\\.");
        // the preview's answer moves the form: bring the name field into view and wait until it takes keys
        WebElement name = browser.findElement(By.cssSelector("vaadin-text-field.subscription-name input"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", name);
        wait.until(ExpectedConditions.elementToBeClickable(name));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Heroin on the Tajik-Afghan border");
        browser.manage().window().setSize(new Dimension(1280, 1250));
        screenshot("alerts-form.png");

        browser.findElement(By.cssSelector("vaadin-button.save-subscription")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-button.save-subscription")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Heroin on the Tajik-Afghan border')]")));

        // a matching article arrives while the page is open: the bell counts it without a reload
        WebElement bell = browser.findElement(By.cssSelector("vaadin-button.notification-bell"));
        assertThat(bell.getDomAttribute("data-unread")).isEqualTo("0");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.__outpostMarker = 'same page';");
        String title = "Border guards seize heroin from a boat at Nizhny Panj";
        index(
                title,
                "Tajik border guards seized 38 kilograms of heroin from a boat crossing the Panj river near "
                        + "Nizhny Panj before dawn, the border service said, the third such seizure this month. ");
        wait.withTimeout(Duration.ofSeconds(30))
                .until(d -> "1"
                        .equals(d.findElement(By.cssSelector("vaadin-button.notification-bell"))
                                .getDomAttribute("data-unread")));
        assertThat(browser.findElement(By.cssSelector(".bell-count")).getText()).isEqualTo("1");
        assertThat(js.executeScript("return window.__outpostMarker"))
                .as("no reload happened")
                .isEqualTo("same page");
        index(
                "CSTO staff plan joint exercises in Tajikistan",
                "CSTO staff officers met in "
                        + "Dushanbe to plan joint exercises of the collective rapid reaction forces near the Afghan frontier. ");
        wait.withTimeout(Duration.ofSeconds(30))
                .until(d -> "2"
                        .equals(d.findElement(By.cssSelector("vaadin-button.notification-bell"))
                                .getDomAttribute("data-unread")));

        // the list shows how each alert's last delivery went
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".last-delivery")));
        browser.manage().window().setSize(new Dimension(1280, 900));
        screenshot("alerts.png");

        browser.findElement(By.cssSelector("vaadin-button.notification-bell")).click();
        wait.until(ExpectedConditions.urlContains("/notifications"));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class, 'notification-card') and contains(@class, 'unread')]"
                        + "[.//a[contains(., '" + title + "')]]")));
        assertThat(card.getText()).contains("Heroin on the Tajik-Afghan border");
        assertThat(card.findElement(By.cssSelector("a.notification-article")).getDomAttribute("href"))
                .startsWith("articles/");
        screenshot("notifications.png");

        browser.findElement(By.cssSelector("vaadin-button.mark-all-read")).click();
        wait.until(d -> "0"
                .equals(d.findElement(By.cssSelector("vaadin-button.notification-bell"))
                        .getDomAttribute("data-unread")));
        assertThat(browser.findElements(By.cssSelector(".notification-card.unread")))
                .isEmpty();
    }

    @Test
    void theMuteLinkOfAnEmailAsksBeforeMuting() {
        String user = "muter-" + System.nanoTime();
        users.createUser(User.withUsername(user)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_VIEWER")))
                .build());
        long id = subscriptions
                .create(user, definition("Opium prices", "opium", "daily", List.of(ChannelDefinition.inApp())))
                .id();

        browser.get(url("/alerts?subscription=" + id + "&mute=7d"));
        logInAs(user);
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-confirm-dialog.confirm-mute vaadin-button[slot='confirm-button']")));
        assertThat(subscriptions.get(id, user).orElseThrow().mutedUntil())
                .as("nothing changes before confirming")
                .isNull();
        confirm.click();
        wait.until(d -> subscriptions.get(id, user).orElseThrow().mutedUntil() != null);
        assertThat(subscriptions.get(id, user).orElseThrow().mutedUntil())
                .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'muted until')]")));
    }

    /** Alerts of other kinds, so the list looks like a user's real one. */
    private void seedOtherAlerts(String user) {
        subscriptions.create(
                user,
                definition(
                        "CSTO exercises in Tajikistan",
                        "CSTO AND exercises",
                        "instant",
                        List.of(ChannelDefinition.inApp(), ChannelDefinition.email("desk@example.org"))));
        var recruitment = subscriptions.create(
                user,
                SubscriptionDefinition.builder()
                        .name("Extremist recruitment, weekly")
                        .query("recruit*")
                        .topics(Map.of("extremism", 0.6))
                        .sources(List.of())
                        .entities(List.of())
                        .languages(List.of("en", "ru"))
                        .frequency("weekly")
                        .time("09:00")
                        .day("friday")
                        .timezone("Asia/Tashkent")
                        .channels(
                                List.of(ChannelDefinition.webhook("https://hooks.example.org/outpost", "s3cret", true)))
                        .spikeAlerts(true)
                        .paused(true)
                        .build());
        assertThat(recruitment.paused()).isTrue();
        var clashes = subscriptions.create(
                user,
                definition(
                        "Kyrgyz-Tajik border clashes",
                        "Batken OR Isfara",
                        "daily",
                        List.of(ChannelDefinition.email("analyst@example.org"))));
        subscriptions.mute(clashes.id(), user, Instant.now().plus(Duration.ofDays(7)));
    }

    private static SubscriptionDefinition definition(
            String name, String query, String frequency, List<ChannelDefinition> channels) {
        return SubscriptionDefinition.builder()
                .name(name)
                .query(query)
                .frequency(frequency)
                .time("08:00")
                .timezone("Asia/Dushanbe")
                .channels(channels)
                .spikeAlerts(false)
                .paused(false)
                .build();
    }

    private void index(String title, String body) {
        Article article = Article.builder("Alerts browser agency", title, body.repeat(4))
                .url("https://alerts-browser.example/news/" + System.nanoTime())
                .fetchedAt(Instant.now())
                .publishedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }
    }

    private void logInAs(String user) {
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
