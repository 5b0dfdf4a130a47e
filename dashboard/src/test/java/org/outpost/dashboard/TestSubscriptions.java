package org.outpost.dashboard;

import java.util.List;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;

/** Subscription definitions tests make, without the definition's long positional list in each test. */
public final class TestSubscriptions {

    private TestSubscriptions() {}

    /** Instant alerts on a query, delivered in the app only. */
    public static SubscriptionDefinition instantInApp(String name, String query) {
        return SubscriptionDefinition.builder()
                .name(name)
                .query(query)
                .frequency("instant")
                .channels(List.of(ChannelDefinition.inApp()))
                .spikeAlerts(false)
                .paused(false)
                .build();
    }
}
