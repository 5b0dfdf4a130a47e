package org.outpost.dashboard.user.ui;

import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserRefusedException;

/** Why the account service refused a change, as the users page tells it: in the reader's language. */
final class Refusals {

    private Refusals() {}

    /** A refusal without a key (none is expected) is shown as the service wrote it, rather than hidden. */
    static String reason(IllegalArgumentException refusal) {
        return refusal instanceof UserRefusedException refused
                ? Texts.get(refused.key(), refused.arguments())
                : String.valueOf(refusal.getMessage());
    }
}
