package org.outpost.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a story at the widgets CMSs put right after the article text: hit counters, "did you like it"
 * prompts, comment counters and comment forms. What follows them (comments, related links, menus) is never
 * part of the article, and is too varied to recognise line by line.
 */
final class ArticleEndMarkers {

    private static final int MAX_MARKER_LINE = 160;

    private static final List<Pattern> MARKERS = List.of(
            // "Read 160 times", "Views: 1,234", "Hits 52"
            Pattern.compile("(?i)^(?:read|viewed|views?|hits?) ?:? ?\\d+(?:[ ,.]\\d{3})*(?: times)?$"),
            // "Do you like this article?", "Did you find this story useful?"
            Pattern.compile("(?i)^(?:do|did) you (?:like|enjoy|find) this (?:article|story|post|page|material|news)"
                    + "\\b.{0,40}$"),
            Pattern.compile("(?i)^was this (?:article|story|post|page) (?:helpful|useful)\\??$"),
            // "0 Comment(s)", "Comments (3)", "No comments yet"
            Pattern.compile("(?i)^(?:\\d+|no) comments?(?:\\(s\\))?(?: yet)?$"),
            Pattern.compile("(?i)^comments? ?[(:]? ?\\d+\\)?$"),
            Pattern.compile("(?i)^(?:leave|add|post|write) (?:a |your )?(?:comment|reply)$"),
            // "Comment Policy * Denotes Required Field 1500 / 1500"
            Pattern.compile("(?i)^comments? (?:policy|rules|guidelines)\\b.*$"));

    private ArticleEndMarkers() {}

    static boolean isEndMarker(String line) {
        if (line.length() > MAX_MARKER_LINE) {
            return false;
        }
        for (Pattern marker : MARKERS) {
            if (marker.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the blocks up to the first end marker. A marker above the article text (some templates show the
     * hit counter next to the date) cannot end the article, so it is only dropped.
     */
    static List<Block> truncate(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        boolean seenProse = false;
        for (Block block : blocks) {
            List<String> lines = new ArrayList<>(block.lines().size());
            for (String line : block.lines()) {
                if (isEndMarker(line)) {
                    if (seenProse) {
                        addIfAny(kept, lines);
                        return kept;
                    }
                    continue;
                }
                seenProse |= Paragraphs.isProse(line);
                lines.add(line);
            }
            addIfAny(kept, lines);
        }
        return kept;
    }

    private static void addIfAny(List<Block> blocks, List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Block(lines));
        }
    }
}
