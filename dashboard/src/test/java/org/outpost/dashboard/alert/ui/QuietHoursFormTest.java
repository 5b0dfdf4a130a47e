package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.Preview;
import org.outpost.alerts.subscription.QuietMode;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.annotation.Autowired;

/** The quiet hours section of the alert form: whose quiet hours, an own window, urgency. */
class QuietHoursFormTest extends ViewTest {

    private static final String NAME = "Night watch (quiet form)";

    @Autowired
    UserLanguages languages;

    @Autowired
    SubscriptionService subscriptions;

    @AfterEach
    void deleteTheAlert() {
        subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .forEach(s -> subscriptions.delete(s.id(), "admin"));
    }

    @Test
    void anAlertsOwnQuietHoursAndUrgencyAreSavedAndShownAgainWhenEdited() {
        languages.choose("admin", UserLanguages.ENGLISH);
        UI.getCurrent().navigate("alerts");
        UI.getCurrent().getPage().reload();
        test($(Button.class).withText("New alert").first()).click();
        SubscriptionForm form = $(SubscriptionForm.class).single();
        assertThat(form.quietMode.getValue()).as("the owner's by default").isEqualTo(QuietMode.USER);
        assertThat(form.quietStart.isVisible()).isFalse();
        assertThat(form.urgent.getValue()).isFalse();

        form.name.setValue(NAME);
        form.query.setValue("border");
        form.quietMode.setValue(QuietMode.OWN);
        assertThat(form.quietStart.isVisible()).isTrue();
        assertThat(form.timezone.isVisible())
                .as("the window is read in the alert's zone")
                .isTrue();
        form.quietStart.setValue(LocalTime.of(23, 0));
        form.quietEnd.clear();
        save(form);
        assertThat(form.isOpened()).isTrue();
        assertThat(form.quietEnd.isInvalid()).isTrue();
        assertThat(form.quietEnd.getErrorMessage()).contains("own quiet hours");

        form.quietEnd.setValue(LocalTime.of(6, 0));
        form.quietWeekends.setValue(true);
        form.urgent.setValue(true);
        form.timezone.setValue("Asia/Dushanbe");
        save(form);
        assertThat(form.isOpened()).isFalse();
        Subscription saved = subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .findFirst()
                .orElseThrow();
        assertThat(saved.quietMode()).isEqualTo(QuietMode.OWN);
        assertThat(saved.quietStart()).isEqualTo(LocalTime.of(23, 0));
        assertThat(saved.quietEnd()).isEqualTo(LocalTime.of(6, 0));
        assertThat(saved.quietWeekends()).isTrue();
        assertThat(saved.urgent()).isTrue();

        // the form the alert's Edit opens (the view opens it by a deep link only once the browser
        // has told its time zone, which a browserless test does not)
        SubscriptionForm edit = new SubscriptionForm(
                saved,
                null,
                ZoneId.of("UTC"),
                Map.of(),
                List.of(),
                d -> new Preview(0, 0, List.of()),
                d -> subscriptions.update(saved.id(), "admin", d));
        edit.open();
        assertThat(edit.quietMode.getValue()).isEqualTo(QuietMode.OWN);
        assertThat(edit.quietStart.getValue()).isEqualTo(LocalTime.of(23, 0));
        assertThat(edit.quietEnd.getValue()).isEqualTo(LocalTime.of(6, 0));
        assertThat(edit.quietWeekends.getValue()).isTrue();
        assertThat(edit.urgent.getValue()).isTrue();
        edit.quietMode.setValue(QuietMode.NONE);
        assertThat(edit.quietStart.isVisible()).isFalse();
        edit.urgent.setValue(false);
        save(edit);
        Subscription changed = subscriptions.get(saved.id(), "admin").orElseThrow();
        assertThat(changed.quietMode()).isEqualTo(QuietMode.NONE);
        assertThat(changed.urgent()).isFalse();
    }

    private void save(SubscriptionForm form) {
        test($(Button.class, form).withClassName("save-subscription").single()).click();
    }
}
