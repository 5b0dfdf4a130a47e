package org.outpost.alerts;

import java.util.Optional;

/**
 * What the alerts module needs to know of a user beyond their language: the email address they
 * confirmed (a report recipient given as a user name is mailed there) and the hours they do not
 * want to be disturbed. The app that keeps the accounts answers (the dashboard's profile); alone,
 * the module knows no address and no quiet hours.
 */
public interface ReaderProfiles {

    /** @return the user's email address, only once they confirmed it by the link sent to it */
    Optional<String> confirmedEmail(String username);

    /** @return the user's quiet hours, if they set any */
    Optional<QuietHours> quietHours(String username);
}
