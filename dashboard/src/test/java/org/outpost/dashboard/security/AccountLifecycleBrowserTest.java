package org.outpost.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.BrowserTest;

/** Account changes reach a session already open in a browser, on its next request. */
class AccountLifecycleBrowserTest extends BrowserTest {

    private static final String PASSWORD = "lifecycle-password-1";

    @Test
    void anOpenSessionOfADisabledUserEndsOnItsNextRequestAndReEnablingRestoresSignIn() throws Exception {
        String name = create("analyst");
        browser.get(url("/"));
        logInAs(name);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav")));

        assertThat(admin().put("/api/v1/admin/users/" + name, "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);
        // a navigation inside the open page: a UIDL request of the session that is no longer valid
        navigateTo("sources");
        wait.until(ExpectedConditions.urlContains("/login"));

        assertThat(admin().put("/api/v1/admin/users/" + name, "{\"enabled\": true}")
                        .statusCode())
                .isEqualTo(200);
        logInAs(name);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav")));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void aDemotedAdminLosesTheUsersPageAtOnce() throws Exception {
        String name = create("admin");
        browser.get(url("/admin/users"));
        logInAs(name);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid.users-grid")));

        assertThat(admin().put("/api/v1/admin/users/" + name, "{\"role\": \"VIEWER\"}")
                        .statusCode())
                .isEqualTo(200);
        navigateTo("sources");
        wait.until(ExpectedConditions.urlContains("/login"));

        // signed in again, the account has the role it has now: no Users page
        logInAs(name);
        browser.get(url("/admin/users"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Could not navigate"));
        assertThat(browser.findElements(By.cssSelector("vaadin-grid.users-grid")))
                .isEmpty();
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/admin/users").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anOpenSessionOfADeletedUserEnds() throws Exception {
        String name = create("viewer");
        browser.get(url("/"));
        logInAs(name);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav")));

        assertThat(admin().delete("/api/v1/admin/users/" + name).statusCode()).isEqualTo(204);
        navigateTo("sources");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(401);
    }

    private void navigateTo(String path) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-side-nav-item[path='" + path + "']")))
                .click();
    }

    private void logInAs(String name) {
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.clear();
        user.sendKeys(name);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String create(String role) throws Exception {
        String name = "life-" + role + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin().post("/api/v1/admin/users", """
                                {"username": "%s", "password": "%s", "role": "%s"}""".formatted(name, PASSWORD, role))
                        .statusCode())
                .isEqualTo(201);
        return name;
    }

    private ApiClient admin() {
        return ApiClient.admin(port);
    }
}
