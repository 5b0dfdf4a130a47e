package org.outpost.core.text;

import java.util.List;

/**
 * Lines of a page that were not separated by a blank line. Scraped pages keep the page's layout only as
 * blank lines, so a block is the best available stand-in for one HTML element (a paragraph, a widget).
 *
 * @param lines normalised, non-empty lines
 */
record Block(List<String> lines) {

    Block {
        lines = List.copyOf(lines);
    }
}
