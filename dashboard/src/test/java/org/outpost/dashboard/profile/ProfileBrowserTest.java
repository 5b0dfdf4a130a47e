package org.outpost.dashboard.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.ConfirmationLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * A user opens their profile from the header's user menu, gives an address, a time zone and quiet
 * hours, saves, sees the address wait for its confirmation and, once the mailed link is followed,
 * confirmed. An account of its own, not the shared admin: the admin's quiet hours would hold the
 * other tests' alerts.
 */
class ProfileBrowserTest extends BrowserTest {

    private static final String PASSWORD = "profile-browser-1";

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ProfileService profiles;

    @Test
    void aUserSetsAddressTimeZoneAndQuietHoursOnTheirProfilePage() throws Exception {
        String name = "aigerim-" + System.nanoTime() % 100_000;
        String address = name + "@ngo.example";
        users.createUser(User.withUsername(name)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                .build());
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(name);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.profile-link")))
                .click();
        wait.until(ExpectedConditions.urlContains("/profile"));
        WebElement email = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field.profile-email input")));
        assertThat(browser.findElement(By.cssSelector(".profile-email-state")).getAttribute("data-state"))
                .isEqualTo("none");
        email.sendKeys(address, Keys.TAB);
        WebElement zone = browser.findElement(By.cssSelector("vaadin-combo-box.profile-time-zone input"));
        zone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Asia/Almaty");
        // pick the item itself: Enter before the filter has narrowed the list would take another one
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-combo-box-item[normalize-space(.)='Asia/Almaty']")))
                .click();
        wait.until(d -> "Asia/Almaty".equals(zone.getAttribute("value")));
        zone.sendKeys(Keys.TAB);
        browser.findElement(By.cssSelector("vaadin-checkbox.profile-quiet input"))
                .click();
        // the hours are enabled by the server once it has the tick
        wait.until(d -> d.findElement(By.cssSelector("vaadin-checkbox.profile-quiet-weekends"))
                        .getAttribute("disabled")
                == null);
        browser.findElement(By.cssSelector("vaadin-checkbox.profile-quiet-weekends input"))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button.save-profile")))
                .click();

        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".profile-email-state"), "data-state", "waiting"));
        Profile saved = profiles.get(name);
        assertThat(saved.email()).isEqualTo(address);
        assertThat(saved.timeZone()).isEqualTo("Asia/Almaty");
        assertThat(saved.quietHours()).isEqualTo(new QuietWindow(LocalTime.of(22, 0), LocalTime.of(7, 0), true));
        assertThat(browser.findElement(By.cssSelector(".profile-email-state")).getText())
                .contains("Waiting for confirmation");

        assertThat(ApiClient.anonymous(port)
                        .get(ConfirmationLinks.path(ConfirmationLinks.onlyTo(address)))
                        .statusCode())
                .isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".profile-email-state"), "data-state", "confirmed"));
        assertThat(browser.findElement(By.cssSelector("vaadin-combo-box.profile-time-zone input"))
                        .getDomProperty("value"))
                .isEqualTo("Asia/Almaty");
        screenshot("profile.png");
    }
}
