package org.outpost.alerts.quiet;

import java.time.Instant;
import java.util.Optional;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.subscription.Subscription;
import org.springframework.stereotype.Component;

/**
 * Whether a subscription's messages wait at a given moment, and until when. An urgent
 * subscription never waits; otherwise the subscription's own window, none, or its owner's quiet
 * hours from their profile (asked each time: a change to the profile counts at once, for what is
 * held already as well).
 */
@Component
public class QuietTimes {

    private final ReaderProfiles profiles;

    QuietTimes(ReaderProfiles profiles) {
        this.profiles = profiles;
    }

    /** @return when the quiet time {@code now} falls in ends, or empty when messages go out now */
    public Optional<Instant> releaseAt(Subscription subscription, Instant now) {
        return hours(subscription).flatMap(q -> q.releaseAt(now));
    }

    /** The quiet hours that apply to this subscription, if any. */
    public Optional<QuietHours> hours(Subscription subscription) {
        if (subscription.urgent()) {
            return Optional.empty();
        }
        return switch (subscription.quietMode()) {
            case NONE -> Optional.empty();
            case OWN -> subscription.ownQuietHours();
            case USER -> profiles.quietHours(subscription.owner());
        };
    }
}
