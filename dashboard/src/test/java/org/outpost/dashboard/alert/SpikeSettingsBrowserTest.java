package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.alerts.subscription.SpikeSensitivity;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The spike settings of an alert: the presets with what each compares, picked in the browser. */
class SpikeSettingsBrowserTest extends BrowserTest {

    private static final String NAME = "Border incidents volume";

    @Autowired
    SubscriptionService subscriptions;

    @AfterEach
    void deleteTheAlert() {
        subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .forEach(s -> subscriptions.delete(s.id(), "admin"));
    }

    @Test
    void thePresetsSayWhatTheyCompareAndTheChosenOneIsStored() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1300));
        browser.get(url("/alerts"));
        logIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space()='New alert']")))
                .click();
        WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-text-field.subscription-name input")));
        name.sendKeys(NAME);
        browser.findElement(By.cssSelector("vaadin-text-field.subscription-query input"))
                .sendKeys("border AND (clash* OR shooting)");
        WebElement entities = browser.findElement(By.cssSelector("vaadin-multi-select-combo-box input"));
        browser.findElements(By.cssSelector("vaadin-multi-select-combo-box")).stream()
                .filter(box -> "Entities".equals(box.getDomProperty("label")))
                .findFirst()
                .map(box -> box.findElement(By.cssSelector("input")))
                .orElse(entities)
                .sendKeys("place:Vorukh", Keys.ENTER, Keys.ESCAPE);
        tick(browser.findElement(By.xpath("//vaadin-checkbox[contains(., 'volume of this search spikes')]")));
        WebElement presets = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-radio-group.spike-sensitivity")));
        assertThat(presets.getText())
                .contains("Fewer")
                .contains("The last 24 hours against each of the 14 days before")
                .contains("Balanced")
                .contains("The last hour against the same hour on each of the 7 days before")
                .contains("More")
                .contains("at least 3 articles");
        tick(presets.findElement(By.xpath(".//vaadin-radio-button[contains(., 'More')]")));
        tick(browser.findElement(By.cssSelector("vaadin-checkbox.spike-by-entity")));
        scroll(presets);
        screenshot("spike-settings.png");

        browser.findElement(By.cssSelector("vaadin-button.save-subscription")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-button.save-subscription")));
        var stored = subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .findFirst()
                .orElseThrow();
        assertThat(stored.spikeSensitivity()).isEqualTo(SpikeSensitivity.MORE);
        assertThat(stored.spikeByEntity()).isTrue();
        assertThat(stored.filters().entities()).containsExactly("place:Vorukh");
    }

    /**
     * Ticks a checkbox or radio button of the dialog through its input: the dialog's scrolling
     * overlay takes a pointer click aimed at the component's middle.
     */
    private void tick(WebElement component) {
        scroll(component);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].click()", component.findElement(By.cssSelector("input")));
    }

    private void scroll(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
