package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.dashboard.ConfirmationLinks;
import org.outpost.dashboard.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An email address that has not confirmed says so in the alerts list, with a way to send its link again. */
class WaitingAddressTest extends ViewTest {

    private static final String NAME = "Waiting address";

    @Autowired
    SubscriptionService subscriptions;

    @AfterEach
    void deleteTheAlert() {
        subscriptions.list("admin").stream()
                .filter(s -> s.name().equals(NAME))
                .forEach(s -> subscriptions.delete(s.id(), "admin"));
    }

    @Test
    void anUnconfirmedAddressIsShownWaitingAndItsLinkIsNotResentWithinTheCoolDown() {
        String address = "waiting-" + System.nanoTime() + "@ngo.example";
        subscriptions.create(
                "admin",
                SubscriptionDefinition.builder()
                        .name(NAME)
                        .query("border")
                        .frequency("instant")
                        .channels(List.of(ChannelDefinition.email(address)))
                        .spikeAlerts(false)
                        .paused(false)
                        .build());
        assertThat(ConfirmationLinks.to(address)).hasSize(1);
        UI.getCurrent().navigate("alerts");
        AlertsView view = $(AlertsView.class).single();
        GridTester<?, Subscription> grid = test(view.grid);
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).name().equals(NAME)) {
                row = i;
            }
        }
        assertThat(row).as(NAME + " listed").isNotNegative();
        Component cell = grid.getCellComponent(row, 2); // alert, when, channels
        Span chip = $(Span.class, cell).withClassName("channel-chip").all().stream()
                .filter(s -> s.getElement().getTextRecursively().contains(address))
                .findFirst()
                .orElseThrow();
        assertThat($(Span.class, chip)
                        .withClassName("confirmation-waiting")
                        .single()
                        .getText())
                .isEqualTo(" · waiting for confirmation");
        test($(Button.class, chip).withClassName("resend-confirmation").single())
                .click();
        assertThat(test($(Notification.class).last()).getText())
                .as("sent a minute ago: not again")
                .contains("No new link for " + address);
        assertThat(ConfirmationLinks.to(address)).hasSize(1);
    }
}
