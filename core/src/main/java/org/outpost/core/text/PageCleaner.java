package org.outpost.core.text;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a scraped plain-text news page into clean, separate articles: page chrome removed, digests split
 * into their stories, each story with its headline, dateline, byline and attribution read off its header.
 *
 * <p>Stateless and thread-safe.
 */
public final class PageCleaner {

    public PageCleaner() {}

    /**
     * Cleans one page.
     *
     * @param rawText the page's text as scraped; {@code null} is treated as empty
     * @return the page's articles in page order; empty, never {@code null}, when the page holds nothing but
     *     chrome
     */
    public List<CleanStory> clean(String rawText) {
        return clean(rawText, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Cleans one page read on the given day: a date the text states after it is not the story's.
     *
     * @param rawText the page's text as scraped; {@code null} is treated as empty
     * @param today the day the page was read
     */
    public List<CleanStory> clean(String rawText, LocalDate today) {
        // Page chrome goes before the split: ticker and layout blocks would otherwise pass as a story header.
        List<Block> page = TextBlocks.split(rawText);
        page = NoiseFilter.dropTickerBlocks(page);
        page = NoiseFilter.trimPageEdges(page);

        List<CleanStory> stories = new ArrayList<>();
        for (StorySegment segment : DigestSplitter.split(page)) {
            cleanStory(segment).ifPresent(stories::add);
        }
        return datedFromText(stories, today);
    }

    private static Optional<CleanStory> cleanStory(StorySegment segment) {
        String attribution = segment.attribution() != null
                ? segment.attribution()
                : PublicationMetadata.publicationOf(segment.blocks());
        List<Block> blocks = ArticleEndMarkers.truncate(segment.blocks());
        blocks = NoiseFilter.dropNoiseLines(blocks);
        StoryHeader header = StoryHeader.read(blocks);
        List<String> paragraphs = Paragraphs.of(header.rest());
        // Leftovers between or after stories (menus, teaser headlines) have no prose and make no story.
        if (!Paragraphs.hasProse(paragraphs)) {
            return Optional.empty();
        }
        String title = header.title() != null ? header.title() : TitleFinder.fromFirstSentence(paragraphs.get(0));
        return Optional.of(new CleanStory(
                title, String.join("\n\n", paragraphs), header.publishedOn(), header.author(), attribution));
    }

    /**
     * Stories without a dateline take the date their text states. The page's latest stated date (a
     * dateline or a full date in any story's text) gives year-less dates their year, as a digest's
     * stories come from one season.
     */
    private static List<CleanStory> datedFromText(List<CleanStory> stories, LocalDate today) {
        LocalDate anchor = null;
        for (CleanStory story : stories) {
            List<LocalDate> dates = new ArrayList<>(StatedDate.fullDates(story.body()));
            if (story.publishedOn() != null) {
                dates.add(story.publishedOn());
            }
            for (LocalDate date : dates) {
                if (!date.isAfter(today) && (anchor == null || date.isAfter(anchor))) {
                    anchor = date;
                }
            }
        }
        List<CleanStory> dated = new ArrayList<>();
        for (CleanStory story : stories) {
            Optional<LocalDate> stated =
                    story.publishedOn() != null ? Optional.empty() : StatedDate.of(story.body(), anchor, today);
            dated.add(
                    stated.isEmpty()
                            ? story
                            : new CleanStory(
                                    story.title(),
                                    story.body(),
                                    stated.get(),
                                    story.author(),
                                    story.attribution(),
                                    true));
        }
        return List.copyOf(dated);
    }
}
