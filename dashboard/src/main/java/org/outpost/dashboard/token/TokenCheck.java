package org.outpost.dashboard.token;

import java.util.List;

/** The outcome of checking a presented token. */
sealed interface TokenCheck {

    /** A live token of an enabled account, with the owner's authorities as they are now. */
    record Accepted(ApiToken token, List<String> authorities) implements TokenCheck {}

    /** Refused, with the reason to tell the caller (never the secret). */
    record Refused(String reason) implements TokenCheck {}
}
