package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.core.source.SourceHealthChanged;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.source.SourceAlertFollowers;
import org.springframework.beans.factory.annotation.Autowired;

/** A source notice is an unread notification like an alert's: on the bell, in the inbox, read with the rest. */
class SourceNoticeInboxTest extends ViewTest {

    @Autowired
    SourceAlerts sourceAlerts;

    @Autowired
    SourceAlertFollowers followers;

    @Autowired
    NotificationService notifications;

    @Test
    void anUnreadSourceNoticeCountsOnTheBellIsListedInTheInboxAndMarkAllReadClearsIt() {
        followers.set("admin", true);
        try {
            navigate(NotificationsView.class);
            NotificationBell bell = $(NotificationBell.class).single();
            long before = unreadOn(bell);
            String name = "Inbox test agency " + System.nanoTime();
            Instant now = Instant.now();
            SourceHealthChanged silent = new SourceHealthChanged(
                    System.nanoTime() % 1_000_000_000L + 1_000_000_000L,
                    name,
                    Problem.SILENT,
                    State.RAISED,
                    now,
                    now.minus(Duration.ofDays(3)),
                    Duration.ofHours(8),
                    0,
                    null);

            assertThat(sourceAlerts.tell(silent)).contains("admin");
            runQueuedUiTasks(); // what the push of the notice's event did to this open page

            assertThat(sourceAlerts.unread("admin")).isPositive();
            assertThat(unreadOn(bell))
                    .as("the open page's bell counts the new notice without a reload")
                    .isGreaterThan(before)
                    .isEqualTo(notifications.unread("admin") + sourceAlerts.unread("admin"));
            Div card = $(Div.class).withClassName("source-notice").all().stream()
                    .filter(c -> $(Span.class, c)
                            .withClassName("notification-title")
                            .single()
                            .getText()
                            .contains(name))
                    .findFirst()
                    .orElseThrow();
            assertThat($(Anchor.class, card).single().getHref()).isEqualTo("sources");

            test($(Button.class).withClassName("mark-all-read").single()).click();
            runQueuedUiTasks();

            assertThat(sourceAlerts.unread("admin")).isZero();
            assertThat($(Div.class).withClassName("source-notice").all()).isEmpty();
            assertThat(unreadOn(bell)).isEqualTo(notifications.unread("admin"));
        } finally {
            followers.set("admin", null);
        }
    }

    private static long unreadOn(NotificationBell bell) {
        return Long.parseLong(bell.getElement().getAttribute("data-unread"));
    }
}
