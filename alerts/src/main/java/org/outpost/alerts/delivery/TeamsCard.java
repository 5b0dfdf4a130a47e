package org.outpost.alerts.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Teams incoming-webhook message: one Adaptive Card (version 1.4, which Teams and
 * Workflows webhooks both render) with the subject, each article as a linked title over its
 * source and time, and the alert's links as buttons. Teams refuses bodies over 28 KB: past
 * {@link #MAX_LINES} articles the card names how many more there are instead.
 */
final class TeamsCard {

    static final int MAX_LINES = 25;

    /**
     * One article: its title linked to Outpost, and under it source, time and the original's link;
     * {@code why} the passage with the alert's words marked (markdown), if any.
     */
    record Line(
            String title,
            String outpost,
            String byline,
            @Nullable String original,
            @Nullable String why) {}

    private TeamsCard() {}

    static Map<String, Object> of(String subject, List<Line> lines, @Nullable String lead, Map<String, String> links) {
        List<Object> body = new ArrayList<>();
        body.add(text(subject, true, false));
        if (lead != null) {
            body.add(text(lead, false, false));
        }
        for (Line line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            body.add(text("[" + markdown(line.title()) + "](" + line.outpost() + ")", false, false));
            body.add(text(
                    markdown(line.byline())
                            + (line.original() == null
                                    ? ""
                                    : " · [" + host(line.original()) + "](" + line.original() + ")"),
                    false,
                    true));
            if (line.why() != null) {
                body.add(text(line.why(), false, false));
            }
        }
        if (lines.size() > MAX_LINES) {
            body.add(text("+ " + (lines.size() - MAX_LINES), false, true));
        }
        List<Object> actions = new ArrayList<>();
        links.forEach((title, url) -> actions.add(Map.of("type", "Action.OpenUrl", "title", title, "url", url)));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        card.put("actions", actions);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        // the text of the notification a phone shows, where the card is not rendered
        message.put("summary", subject);
        message.put("attachments", List.of(attachment));
        return message;
    }

    private static Map<String, Object> text(String text, boolean heading, boolean subtle) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        if (heading) {
            block.put("weight", "Bolder");
            block.put("size", "Medium");
        }
        if (subtle) {
            block.put("isSubtle", true);
            block.put("spacing", "None");
        }
        return block;
    }

    /** Crawled text is not markup: the characters Teams' markdown acts on are escaped. */
    static String markdown(String s) {
        return s.replaceAll("([\\\\\\[\\]()*_`~])", "\\\\$1");
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
