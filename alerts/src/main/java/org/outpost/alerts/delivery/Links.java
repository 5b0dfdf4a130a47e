package org.outpost.alerts.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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

    /**
     * The overview's map centred on the place or region a spike is about ({@code /?range=24h&at=place%3AVorukh}), with
     * a period that shows the spike's window against the days before it; empty for a spike on a topic, a whole
     * subscription or another kind of entity.
     */
    public static Optional<String> map(URI base, SpikeDetail spike) {
        if (!spike.scope().startsWith(SpikeWording.ENTITY)) {
            return Optional.empty();
        }
        String entity = spike.scope().substring(SpikeWording.ENTITY.length()).strip();
        if (!entity.startsWith("place:") && !entity.startsWith("region:")) {
            return Optional.empty();
        }
        String range = "day".equals(spike.interval()) ? "7d" : "24h";
        return Optional.of(root(base) + "/?range=" + range + "&at="
                + URLEncoder.encode(entity, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public static String notifications(URI base) {
        return root(base) + "/notifications";
    }

    private static String root(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
