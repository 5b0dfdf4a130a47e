package org.outpost.dashboard.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.BrowserTest;

class ExploreBrowserTest extends BrowserTest {

    @Test
    void aFacetNarrowsTheResultsIsKeptInTheUrlAndTheExportFollowsIt() throws Exception {
        browser.get(url("/explore"));
        logIn();
        WebElement summary =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result-summary")));
        wait.until(
                ExpectedConditions.textMatches(By.cssSelector(".result-summary"), Pattern.compile("\\d+ articles?")));
        int all = count(summary.getText());

        WebElement drugs = wait.until(
                ExpectedConditions.elementToBeClickable(
                        By.xpath(
                                "//vaadin-checkbox-group[contains(@class,'facet-topics')]//vaadin-checkbox[starts-with(normalize-space(.),'Drug trafficking')]")));
        int expected = count(drugs.getText().replaceAll(".*\\((\\d+)\\).*", "$1 "));
        drugs.click();

        wait.until(ExpectedConditions.urlContains("topic=drug_trafficking"));
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector(".result-summary"), expected + (expected == 1 ? " article" : " articles")));
        assertThat(expected).isLessThan(all);
        String href = browser.findElement(By.cssSelector("a.export-link")).getDomProperty("href");
        assertThat(href).contains("format=csv").contains("topic=drug_trafficking");
        Object csv = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text().then(t => r.ok ? t : ('HTTP ' + r.status + ' ' + t)))"
                                + ".then(done, e => done('failed: ' + e));",
                        href);
        // the driver hands the text back with plain newlines
        assertThat(csv.toString().strip().split("\r?\n"))
                .as(csv.toString().substring(0, Math.min(300, csv.toString().length())))
                .hasSize(expected + 1);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1200));
        screenshot("explore.png");

        // the URL reopens the same search
        browser.get(browser.getCurrentUrl());
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector(".result-summary"), expected + (expected == 1 ? " article" : " articles")));
    }

    private static int count(String text) {
        return Integer.parseInt(text.replaceAll("[^0-9].*$", "").replace(",", ""));
    }
}
