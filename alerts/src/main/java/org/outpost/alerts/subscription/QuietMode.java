package org.outpost.alerts.subscription;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** Whose quiet hours hold a subscription's messages. */
@NamedInterface("subscription")
public enum QuietMode {
    /** The owner's, from their profile (none if they set none). */
    USER,
    /** None: sent whenever they come. */
    NONE,
    /** The subscription's own window, in its time zone. */
    OWN;

    /** The name in the API and the form. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
