package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.SpikeSensitivity;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.annotation.Autowired;

/** Why an alert is refused, told under the field at fault in the reader's language. */
class SubscriptionFormTest extends ViewTest {

    private static final String NAME = "Граница (форма)";

    @Autowired
    UserLanguages languages;

    @Autowired
    SubscriptionService subscriptions;

    /** The admin of the shared test app has none of these alerts in other tests (its language is reset by ViewTest). */
    @AfterEach
    void deleteTheAlerts() {
        subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .forEach(s -> subscriptions.delete(s.id(), "admin"));
    }

    @Test
    void save_forARussianReader_marksTheFieldWithTheReasonInRussian() {
        SubscriptionForm form = newAlert(UserLanguages.RUSSIAN, "Новое оповещение");
        form.name.setValue(NAME);
        form.query.setValue("граница AND (столкновение");
        save(form);
        assertThat(form.isOpened()).isTrue();
        assertThat(form.query.isInvalid()).isTrue();
        assertThat(form.query.getErrorMessage())
                .startsWith("Ошибка в запросе, позиция ")
                .contains("Синтаксис Lucene")
                .doesNotContain("column");

        form.query.setValue("граница");
        form.inApp.setValue(false);
        form.webhook.setValue(true);
        form.webhookUrl.setValue("ftp://files.example.org/alerts");
        save(form);
        assertThat(form.query.isInvalid()).isFalse();
        assertThat(form.webhookUrl.isInvalid()).isTrue();
        assertThat(form.webhookUrl.getErrorMessage())
                .isEqualTo("адрес вебхука должен начинаться с http:// или https:// и содержать имя хоста");

        form.webhook.setValue(false);
        save(form);
        assertThat(form.channelError.getText()).startsWith("выберите хотя бы один канал");

        form.name.setValue(" ");
        save(form);
        assertThat(form.name.getErrorMessage()).isEqualTo("дайте подписке название");
        assertThat(form.error.getText()).isEqualTo("дайте подписке название");
    }

    @Test
    void save_forAnEnglishReader_keepsTheEnglishReason() {
        SubscriptionForm form = newAlert(UserLanguages.ENGLISH, "New alert");
        form.name.setValue("");
        form.query.setValue("border");
        save(form);
        assertThat(form.isOpened()).isTrue();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("give the subscription a name");
    }

    @Test
    void save_withNewNames_storesTheTypesDaysAndSourcesAndMarksADayCountOutOfRange() {
        SubscriptionForm form = newAlert(UserLanguages.ENGLISH, "New alert");
        assertThat(form.firstSeenDays.isEnabled()).as("no type chosen yet").isFalse();
        form.name.setValue(NAME);
        form.query.setValue("border");
        form.firstSeenTypes.setValue(java.util.Set.of("person", "group"));
        assertThat(form.firstSeenDays.isEnabled()).isTrue();
        assertThat(form.firstSeenDays.getValue()).isEqualTo(90);
        form.firstSeenDays.setValue(0);
        save(form);
        assertThat(form.isOpened()).isTrue();
        assertThat(form.firstSeenDays.isInvalid()).isTrue();
        assertThat(form.firstSeenDays.getErrorMessage())
                .isEqualTo("the days without a mention must be between 1 and 730");

        form.firstSeenDays.setValue(30);
        save(form);
        assertThat(form.isOpened()).isFalse();
        var stored = subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .findFirst()
                .orElseThrow();
        assertThat(stored.firstSeen())
                .isEqualTo(new org.outpost.alerts.subscription.FirstSeen(
                        java.util.List.of(
                                org.outpost.core.entity.EntityType.GROUP, org.outpost.core.entity.EntityType.PERSON),
                        30,
                        2));
    }

    @Test
    void spikeSettings_showTheirPresetsComparisonsAndAreStored() {
        SubscriptionForm form = newAlert(UserLanguages.ENGLISH, "New alert");
        assertThat(form.spikeSensitivity.isVisible())
                .as("hidden until spike alerts are on")
                .isFalse();
        form.spikeAlerts.setValue(true);
        assertThat(form.spikeSensitivity.isVisible()).isTrue();
        assertThat(form.spikeSensitivity.getValue()).isEqualTo(SpikeSensitivity.BALANCED);
        assertThat(form.spikeHelp(SpikeSensitivity.FEWER))
                .isEqualTo("The last 24 hours against each of the 14 days before; a spike needs at least 10 articles,"
                        + " 3.0× the usual and more than 4.0 standard deviations above it.");

        form.name.setValue(NAME);
        form.query.setValue("border");
        form.spikeSensitivity.setValue(SpikeSensitivity.MORE);
        form.spikeByEntity.setValue(true);
        save(form);
        assertThat(form.entities.isInvalid())
                .as("spikes by entity need an entity")
                .isTrue();

        form.entities.setItems("place:Vorukh");
        form.entities.setValue(java.util.Set.of("place:Vorukh"));
        save(form);
        assertThat(form.isOpened()).isFalse();
        var stored = subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .findFirst()
                .orElseThrow();
        assertThat(stored.spikeSensitivity()).isEqualTo(SpikeSensitivity.MORE);
        assertThat(stored.spikeByEntity()).isTrue();
    }

    /** Opens the alerts page as a reader of {@code language} (a reload takes the user's language) and its new-alert form. */
    private SubscriptionForm newAlert(Locale language, String newAlert) {
        languages.choose("admin", language);
        UI.getCurrent().navigate("alerts");
        UI.getCurrent().getPage().reload();
        test($(Button.class).withText(newAlert).first()).click();
        return $(SubscriptionForm.class).single();
    }

    private void save(SubscriptionForm form) {
        test($(Button.class, form).withClassName("save-subscription").single()).click();
    }
}
