package org.outpost.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.BrowserTest;

class AdminBrowserTest extends BrowserTest {

    @Test
    void anAdminAddsAUserThroughTheDialogAndSeesItInTheGrid() throws Exception {
        browser.get(url("/admin/users"));
        logIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.add-user")))
                .click();

        String name = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        wait.until(ExpectedConditions.elementToBeClickable(field("User name"))).sendKeys(name);
        browser.findElement(By.xpath("//vaadin-password-field[./label[normalize-space()='Password']]/input"))
                .sendKeys("too-short");
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Create']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".dialog-error"), "at least 12 characters"));

        browser.findElement(By.xpath("//vaadin-password-field[./label[normalize-space()='Password']]/input"))
                .sendKeys("-but-now-long-enough");
        browser.findElement(By.xpath("//vaadin-button[normalize-space()='Create']"))
                .click();

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + name + "']")));
        assertThat(browser.findElements(By.cssSelector(".role-badge.role-admin")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".role-badge.role-analyst")))
                .isNotEmpty();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay")));
        screenshot("users.png");
    }

    @Test
    void theSystemPageShowsTheClusterTheIndexAndTheLastCrawlOfEachSource() throws Exception {
        browser.get(url("/admin/status"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status-cluster")));
        String cluster = browser.findElement(By.cssSelector(".status-cluster")).getText();
        assertThat(cluster).containsAnyOf("green", "yellow").contains("1 node");
        assertThat(browser.findElement(By.cssSelector(".status-index")).getText())
                .contains("app-test-articles")
                .contains("originals")
                .contains("copies")
                .contains("on disk");
        assertThat(browser.findElement(By.cssSelector(".status-queue")).getText())
                .isNotBlank();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='Sample corpus']")));
        browser.manage().window().setSize(new Dimension(1280, 1300));
        screenshot("system-status.png");
    }
}
