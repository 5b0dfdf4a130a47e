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
     * {@code {"text": ...}} message instead of Outpost's own JSON; with {@code teams}, a Microsoft
     * Teams incoming-webhook message (an Adaptive Card).
     */
    @NamedInterface("subscription")
    record Webhook(String url, @Nullable String secret, boolean slack, boolean teams) implements Channel {

        public Webhook(String url, @Nullable String secret, boolean slack) {
            this(url, secret, slack, false);
        }

        @Override
        public String type() {
            return "webhook";
        }

        /**
         * The masked URL and a digest of the whole: the key is stored in the delivery log, written
         * to the server's log and shown to admins, and a Slack URL is itself a secret.
         */
        @Override
        public String key() {
            return "webhook:" + masked() + " #" + fingerprint(url);
        }

        /** Scheme, host and the last four characters, e.g. {@code https://hooks.slack.com/…/XXXX}. */
        public String masked() {
            return mask(url);
        }

        /** The key an earlier version of Outpost gave this channel (the whole URL): its deliveries still name it. */
        public String legacyKey() {
            return "webhook:" + url;
        }

        @Override
        public String toString() {
            return "Webhook[url=" + masked() + ", secret=" + (secret == null ? "none" : "***") + ", slack=" + slack
                    + ", teams=" + teams + "]";
        }

        public static String mask(String url) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                return "…";
            }
            String origin = (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                    + (uri.getHost() == null ? "" : uri.getHost())
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            String rest = url.length() > origin.length() ? url.substring(origin.length()) : "";
            return rest.length() <= 1 ? origin + rest : origin + "/…/" + rest.substring(Math.max(0, rest.length() - 4));
        }

        private static String fingerprint(String url) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
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

    /**
     * A Telegram chat (a person's chat with Outpost's bot, a group or a channel the bot posts in),
     * by its numeric id or a public channel's {@code @username}. The bot is Outpost's, set up by an admin.
     */
    @NamedInterface("subscription")
    record Telegram(String chatId) implements Channel {
        @Override
        public String type() {
            return "telegram";
        }

        @Override
        public String key() {
            return "telegram:" + chatId;
        }
    }
}
