package org.outpost.alerts.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses in Outpost that messages link to. */
final class Links {

    private Links() {}

    public static String article(URI base, String articleId) {
        return root(base) + "/articles/"
                + URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The Alerts page with this subscription open, where it can be muted, paused or deleted. */
    public static String manage(URI base, long subscriptionId) {
        return root(base) + "/alerts?subscription=" + subscriptionId;
    }

    /** Mutes the subscription for a week after the reader signs in and confirms. */
    public static String mute(URI base, long subscriptionId) {
        return manage(base, subscriptionId) + "&mute=7d";
    }

    public static String notifications(URI base) {
        return root(base) + "/notifications";
    }

    private static String root(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
