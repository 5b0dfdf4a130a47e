package org.outpost.dashboard.profile;

import java.util.Optional;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderProfiles;
import org.springframework.stereotype.Component;

/**
 * Tells the alerts module where a user is mailed (their profile's address, only once confirmed)
 * and when they are not to be disturbed. Read from the users table at each question, so a change
 * on one instance counts on every instance at once.
 */
@Component
class UserProfiles implements ReaderProfiles {

    private final ProfileService profiles;

    UserProfiles(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<String> confirmedEmail(String username) {
        return profiles.find(username)
                .filter(p -> p.emailState() == Profile.EmailState.CONFIRMED)
                .map(Profile::email);
    }

    @Override
    public Optional<QuietHours> quietHours(String username) {
        return profiles.quietHours(username);
    }
}
