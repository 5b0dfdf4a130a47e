package org.outpost.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops page chrome: the widgets, captions and layout leftovers a scraper copies along with the article.
 * Everything here is recognised by shape (digits as {@code \d+}, case ignored), never by a site's exact
 * wording, so that the same filter works across sites built on the same CMS widgets.
 */
final class NoiseFilter {

    // Widget lines are short; a long line is article text even if it starts like a widget.
    private static final int MAX_WIDGET_LINE = 120;
    private static final int MAX_CAPTION_CREDIT = 200;

    private static final List<Pattern> WIDGETS = List.of(
            Pattern.compile("(?i)^rate this(?: \\p{L}+)?$"),
            Pattern.compile("(?i)^ratings?:? \\d+(?:[.,]\\d+)?(?: ?/ ?\\d+| out of \\d+)?(?: stars?)?$"),
            Pattern.compile("(?i)^\\(?\\d+ (?:votes?|ratings?)\\)?$"),
            Pattern.compile("(?i)^(?:share|tweet|print|e-?mail|share this(?: \\p{L}+)?|share on \\p{L}+"
                    + "|follow us(?: on \\p{L}+)?)$"),
            Pattern.compile("(?i)^(?:advertisement|sponsored(?: content)?)$"));

    private static final Pattern CREDIT_WORD =
            Pattern.compile("(?i)\\b(?:photos?|photograph|image|picture|video|credit|file)\\b");
    private static final Pattern CREDIT_LINE = Pattern.compile("(?i)^(?:photo|image|credit)(?: by)? ?:");

    // CSS class names and template ids leak into text extraction as a lone lowercase token at the top.
    private static final Pattern LAYOUT_TOKEN = Pattern.compile("^[a-z][a-z0-9_-]*$");
    // Menus and tag lists leak in at the bottom as one- or two-word labels without punctuation.
    private static final Pattern NAV_LABEL = Pattern.compile("^[\\p{L}\\p{N}]+(?: [\\p{L}\\p{N}]+)?$");

    private NoiseFilter() {}

    /**
     * Drops every block that holds a market ticker line. The ticker's neighbours in its block ("Update At
     * 14:00", the page's render date) are the same widget; keeping them would turn the day the page was
     * scraped into the article's publication date.
     */
    static List<Block> dropTickerBlocks(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.lines().stream().noneMatch(MarketTicker::isTickerLine)) {
                kept.add(block);
            }
        }
        return kept;
    }

    /** Drops layout tokens at the very top of a page and navigation labels at its very end. */
    static List<Block> trimPageEdges(List<Block> blocks) {
        List<List<String>> lines = new ArrayList<>();
        for (Block block : blocks) {
            lines.add(new ArrayList<>(block.lines()));
        }
        while (!lines.isEmpty() && LAYOUT_TOKEN.matcher(lines.get(0).get(0)).matches()) {
            lines.get(0).remove(0);
            if (lines.get(0).isEmpty()) {
                lines.remove(0);
            }
        }
        while (!lines.isEmpty() && isNavigationLabel(last(lines.get(lines.size() - 1)))) {
            List<String> lastBlock = lines.get(lines.size() - 1);
            lastBlock.remove(lastBlock.size() - 1);
            if (lastBlock.isEmpty()) {
                lines.remove(lines.size() - 1);
            }
        }
        return lines.stream().map(Block::new).toList();
    }

    /** Drops widget, caption, metadata and copyright lines wherever they are, and blocks left empty. */
    static List<Block> dropNoiseLines(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            List<String> lines =
                    block.lines().stream().filter(line -> !isNoiseLine(line)).toList();
            if (!lines.isEmpty()) {
                kept.add(new Block(lines));
            }
        }
        return kept;
    }

    static boolean isNoiseLine(String line) {
        return isWidget(line)
                || isPhotoCaption(line)
                || PublicationMetadata.isMetadataLine(line)
                || AttributionLines.isCopyrightNotice(line);
    }

    static boolean isNavigationLabel(String line) {
        return NAV_LABEL.matcher(line).matches();
    }

    private static boolean isWidget(String line) {
        if (line.length() > MAX_WIDGET_LINE) {
            return false;
        }
        for (Pattern widget : WIDGETS) {
            if (widget.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A caption ends with a bracketed credit ("… [Photo: X]", "… [Odnoklassniki photo]") or starts with one. */
    static boolean isPhotoCaption(String line) {
        if (line.length() <= MAX_WIDGET_LINE && CREDIT_LINE.matcher(line).find()) {
            return true;
        }
        String credit = trailingBracket(line);
        return credit != null && CREDIT_WORD.matcher(credit).find();
    }

    private static String trailingBracket(String line) {
        char close = line.isEmpty() ? 0 : line.charAt(line.length() - 1);
        char open = close == ']' ? '[' : close == ')' ? '(' : 0;
        if (open == 0) {
            return null;
        }
        int start = line.lastIndexOf(open);
        if (start < 0 || line.length() - start > MAX_CAPTION_CREDIT) {
            return null;
        }
        String inside = line.substring(start + 1, line.length() - 1);
        // A parenthesis is only a credit when it says so up front: "(Photo: AFP)", not "(see photo)".
        if (open == '(' && !CREDIT_LINE.matcher(inside).find()) {
            return null;
        }
        return inside;
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
