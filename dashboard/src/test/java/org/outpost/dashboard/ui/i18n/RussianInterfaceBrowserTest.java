package org.outpost.dashboard.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader switches the dashboard to Russian in the header and reads it: the choice holds across
 * reloads; the overview, Explore with a search, an article, Alerts and Reports are in Russian.
 * Writes the Russian screenshots of {@code docs/screenshots/} ({@code ru-*.png}).
 */
class RussianInterfaceBrowserTest extends BrowserTest {

    @Autowired
    UserLanguages languages;

    /** The other browser tests sign in as the same admin and read English. */
    @AfterEach
    void backToEnglish() {
        languages.choose("admin", null);
    }

    @Test
    void aReaderSwitchesToRussian_andTheOverviewExploreArticleAlertsAndReportsAreInRussian() throws Exception {
        browser.get(url("/"));
        logIn();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h2.view-title"), "Overview"));

        browser.findElement(By.cssSelector("vaadin-select.language-switcher")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space()='RU']")))
                .click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("h2.view-title"), "Обзор"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("outpost-chart.volume-chart[rendered] canvas")));
        List<WebElement> cards = browser.findElements(By.cssSelector(".topic-card"));
        assertThat(cards).hasSize(9);
        assertThat(cards.stream().map(WebElement::getText))
                .anyMatch(t -> t.contains("Наркотрафик"))
                .noneMatch(t -> t.contains("Drug trafficking"));
        assertThat(browser.findElement(By.tagName("vaadin-side-nav")).getText())
                .contains("Поиск", "Оповещения", "Отчёты");
        assertThat(browser.getTitle()).isEqualTo("Обзор | Outpost");
        browser.manage().window().setSize(new Dimension(1280, 1900));
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart.entities-chart[rendered]")));
        screenshot("ru-overview.png");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // remembered with the account: a reload, another page, stays Russian
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h2.view-title"), "Обзор"));

        browser.get(url("/explore?q=border"));
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".result-summary"), java.util.regex.Pattern.compile("\\d+ стат(ья|ьи|ей)")));
        assertThat(browser.findElement(By.cssSelector(".facet-panel")).getText().toLowerCase(java.util.Locale.ROOT))
                .contains("темы", "источники", "языки"); // headings are upper-cased by the theme
        browser.manage().window().setSize(new Dimension(1280, 1200));
        screenshot("ru-explore.png");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.cssSelector(".article-card a.article-title")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".article-heading")));
        assertThat(browser.findElement(By.cssSelector(".article-view")).getText())
                .contains("Все статьи", "Темы")
                .containsAnyOf("Опубликовано", "Дата публикации не указана", "указана в тексте");
        screenshot("ru-article.png");

        browser.get(url("/alerts"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h2.view-title"), "Оповещения"));
        screenshot("ru-alerts.png");

        browser.get(url("/reports"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='Отчёты']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-button[contains(., 'Добавить отчёт')]")));
        screenshot("ru-reports.png");
    }
}
