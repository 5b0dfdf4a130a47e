package org.outpost.alerts.subscription;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Where a subscription's messages go. The key names one channel of one subscription in the delivery log. */
@NamedInterface("subscription")
public sealed interface Channel {

    String type();

    String key();

    @NamedInterface("subscription")
    record Email(String address) implements Channel {
        @Override
        public String type() {
            return "email";
        }

        @Override
        public String key() {
            return "email:" + address;
        }
    }

    /**
     * A JSON POST. With a secret, the body is signed: header {@code X-Outpost-Signature:
     * sha256=<hex HMAC-SHA256 of the body>}. With {@code slack}, the body is a Slack-compatible
     * {@code {"text": ...}} message instead of Outpost's own JSON.
     */
    @NamedInterface("subscription")
    record Webhook(String url, @Nullable String secret, boolean slack) implements Channel {
        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public String key() {
            return "webhook:" + url;
        }

        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=" + (secret == null ? "none" : "***") + ", slack=" + slack + "]";
        }
    }

    /** The bell and the notifications page in Outpost itself. */
    @NamedInterface("subscription")
    record InApp() implements Channel {
        @Override
        public String type() {
            return "inapp";
        }

        @Override
        public String key() {
            return "inapp";
        }
    }
}
