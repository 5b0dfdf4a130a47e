package org.outpost.core.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines above a story's first paragraph: headline, dateline, byline, in whatever order the site uses.
 * Only these lines are looked at, so a date or a subheading further down never becomes the story's date or
 * title.
 *
 * @param title the headline line, {@code null} when the story starts with a paragraph
 * @param publishedOn the dateline's date, or {@code null}
 * @param author the byline's name, or {@code null}
 * @param rest the story's blocks without the header lines
 */
record StoryHeader(String title, LocalDate publishedOn, String author, List<Block> rest) {

    StoryHeader {
        rest = List.copyOf(rest);
    }

    /**
     * Consumes datelines, bylines, section labels and the first headline-like line from the top of the
     * story; after the headline only datelines and bylines still belong to the header.
     */
    static StoryHeader read(List<Block> blocks) {
        String title = null;
        LocalDate date = null;
        String author = null;
        List<Block> rest = new ArrayList<>();
        boolean inHeader = true;
        for (Block block : blocks) {
            List<String> kept = new ArrayList<>();
            for (String line : block.lines()) {
                if (inHeader) {
                    Optional<LocalDate> dateline = date == null ? DatelineFinder.parse(line) : Optional.empty();
                    Optional<String> byline = author == null ? BylineFinder.parse(line) : Optional.empty();
                    if (dateline.isPresent()) {
                        date = dateline.get();
                        continue;
                    }
                    if (byline.isPresent()) {
                        author = byline.get();
                        continue;
                    }
                    if (title == null && TitleFinder.isTitleLike(line)) {
                        title = line;
                        continue;
                    }
                    if (title == null && TitleFinder.isLabel(line)) {
                        continue;
                    }
                    inHeader = false;
                }
                kept.add(line);
            }
            if (!kept.isEmpty()) {
                rest.add(new Block(kept));
            }
        }
        return new StoryHeader(title, date, author, rest);
    }
}
