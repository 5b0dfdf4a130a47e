package org.outpost.dashboard;

import java.util.List;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;

/** Subscription definitions tests make, without the definition's long positional list in each test. */
public final class TestSubscriptions {

    private TestSubscriptions() {}

    /** Instant alerts on a query, delivered in the app only. */
    public static SubscriptionDefinition instantInApp(String name, String query) {
        return new SubscriptionDefinition(
                name,
                query,
                null,
                null,
                null,
                null,
                "instant",
                null,
                null,
                null,
                List.of(ChannelDefinition.inApp()),
                false,
                false,
                null);
    }
}
