package org.outpost.alerts.subscription;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** How often a subscription's matches are sent: each as it arrives, or collected into a digest. */
@NamedInterface("subscription")
public enum Frequency {
    INSTANT,
    HOURLY,
    DAILY,
    WEEKLY;

    public boolean isDigest() {
        return this != INSTANT;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
