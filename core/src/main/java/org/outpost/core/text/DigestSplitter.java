package org.outpost.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a page into stories at its attribution terminators ("Source: X", copyright/reprint footers).
 * Aggregators reprint several stories per page and close each with such a line, while a standalone article
 * has none (or one, at its end), so the terminators are the only reliable story boundary: headings cannot
 * be, because articles have subheadings that look just like the next story's headline.
 */
final class DigestSplitter {

    private DigestSplitter() {}

    /**
     * The page's stories in page order. Text after the last terminator is a story of its own, without
     * attribution; whether it holds anything but chrome is for later stages to judge.
     */
    static List<StorySegment> split(List<Block> blocks) {
        List<StorySegment> segments = new ArrayList<>();
        List<Block> story = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (Block pageBlock : blocks) {
            for (String line : pageBlock.lines()) {
                if (!AttributionLines.isTerminator(line)) {
                    block.add(line);
                    continue;
                }
                closeBlock(block, story);
                // A second terminator right after the first (a source line, then a copyright line) closes
                // nothing new.
                if (!story.isEmpty()) {
                    segments.add(new StorySegment(story, AttributionLines.attributionOf(line)));
                    story.clear();
                }
            }
            closeBlock(block, story);
        }
        if (!story.isEmpty()) {
            segments.add(new StorySegment(story, null));
        }
        return segments;
    }

    private static void closeBlock(List<String> lines, List<Block> story) {
        if (!lines.isEmpty()) {
            story.add(new Block(lines));
            lines.clear();
        }
    }
}
