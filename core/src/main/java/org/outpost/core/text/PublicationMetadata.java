package org.outpost.core.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises journal metadata lines such as "Publication: Eurasia Daily Monitor Volume: 4 Issue: 55".
 * They are not article text, but the publication they name is the best attribution such a page has.
 */
final class PublicationMetadata {

    private static final int MAX_LINE = 200;
    private static final Pattern METADATA =
            Pattern.compile("(?i)^publication ?: ?(\\S.*?)(?: (?:volume|vol\\.?|issue|no\\.?|number) ?:? ?\\d+)+$");

    private PublicationMetadata() {}

    static boolean isMetadataLine(String line) {
        return matcher(line) != null;
    }

    /** The publication named by the first metadata line of the blocks, or {@code null}. */
    static String publicationOf(List<Block> blocks) {
        for (Block block : blocks) {
            for (String line : block.lines()) {
                Matcher matcher = matcher(line);
                if (matcher != null) {
                    return matcher.group(1).strip();
                }
            }
        }
        return null;
    }

    private static Matcher matcher(String line) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        Matcher matcher = METADATA.matcher(line);
        return matcher.matches() ? matcher : null;
    }
}
