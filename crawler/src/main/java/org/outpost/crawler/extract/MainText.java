package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The story's text: prepare the page, pick the container, clean it, render its blocks and drop
 * the blocks that repeat the page's metadata (headline, byline, date lines, photo credits).
 * A first, strict pass trusts class names; when it finds too little, a second pass that keeps
 * boxes named only weakly like boilerplate ("header", "extra", "sidebar") tries again, since
 * some templates give the story box such names.
 */
final class MainText {

    /**
     * A news item with a headline and this many words is an article: wire briefs of 25–60 words
     * are how this region's agencies break news. Index and error pages are refused for what they
     * are ({@link ListingPage}, {@link ErrorPage}), not by a length that would also drop briefs.
     */
    static final int MIN_WORDS = 20;
    /** Without a headline, a short text is more likely a fragment (a widget, a notice) than a story. */
    static final int MIN_WORDS_WITHOUT_TITLE = 40;
    /** Shorter than this, a text is brief-sized, and the page around it must also look like a story's. */
    static final int BRIEF_WORDS = 60;

    private static final int MIN_SENTENCE_WORDS = 8;
    /** How many of the story box's first blocks are searched for a date stated in the text. */
    private static final int LEAD_BLOCKS = 4;

    private static final Pattern CREDIT = Pattern.compile(
            "(?iuU)^(?:photo|photos|image|picture|illustration|video|cover photo|source|sources|фото|фотография|иллюстрация"
                    + "|видео|источник|источник фото|манба|surat)\\b\\s*(?:by|:|©|—|-).{0,100}$|^©.{0,100}$");
    /** A slot label left behind by an ad the cleaner could not recognise by name. */
    private static final Pattern AD_LABEL =
            Pattern.compile("(?iuU)^(?:advertisement|advert|ad|sponsored|реклама|reklama)$");

    private static final Pattern TAG_LINE =
            Pattern.compile("(?iuU)^(?:tags|topics|keywords|теги|метки|ключевые слова)\\s*:.{0,200}$");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iuU)\\b(?:published|updated|posted|last updated|modified|on|at|date|опубликовано|обновлено|дата|в|gmt|utc|am|pm)\\b"
                    + "|\\d{1,2}:\\d{2}(?::\\d{2})?|[|,.:/\\-–—•·()]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][»\"”)]?$");
    private static final Pattern NUMBERS = Pattern.compile("(?U)\\p{L}*\\d+\\p{L}*");
    private static final Pattern MONTHS_AND_WEEKDAYS = Pattern.compile("(?iuU)\\b(?:"
            + "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
            + "|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|года|г"
            + "|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\\b\\.?");

    /**
     * @param text the story's blocks separated by blank lines
     * @param lead the lines around the top of the story as served (dateline, byline included), where
     *     press releases and old CMSs state the date and the writer they have no markup for
     * @param box the story's container after cleaning
     */
    record Result(String text, String lead, Element box) {}

    private enum Pass {
        STRICT,
        LENIENT
    }

    private MainText() {}

    static Result extract(Document page, String title, @Nullable String author) throws ExtractionException {
        try {
            return extract(page.clone(), title, author, Pass.STRICT);
        } catch (TooLittleText strictFailure) {
            try {
                return extract(page.clone(), title, author, Pass.LENIENT);
            } catch (TooLittleText lenientFailure) {
                throw new ExtractionException(strictFailure.getMessage());
            }
        }
    }

    private static Result extract(Document page, String title, @Nullable String author, Pass pass)
            throws ExtractionException, TooLittleText {
        Element body = page.body();
        boolean strict = pass == Pass.STRICT;
        MainTextPreparer.prepare(body, strict);
        MainTextScorer scorer = new MainTextScorer(strict);
        Element container = scorer.select(body);
        if (container == null) {
            throw new TooLittleText("no paragraphs of text on the page");
        }
        String lead = scorer.preamble() + "\n" + lead(MainTextBlocks.of(container));
        MainTextCleaner.removeJunk(container);
        if (ListingPage.looksLikeListing(container)) {
            throw new ExtractionException("a listing of teasers, not an article");
        }
        MainTextCleaner.cleanConditionally(container, strict);
        List<MainTextBlocks.Block> blocks = MainTextBlocks.of(container);
        List<String> kept = story(blocks, title, author);
        String text = String.join("\n\n", kept);
        int words = DomText.words(text);
        int minimum = DomText.collapse(title).isEmpty() ? MIN_WORDS_WITHOUT_TITLE : MIN_WORDS;
        if (words < minimum) {
            throw new TooLittleText("only " + words + " words of main text");
        }
        if (words < BRIEF_WORDS && kept.stream().noneMatch(MainText::isSentence)) {
            throw new TooLittleText("no sentence of text, only " + words + " words of labels and links");
        }
        return new Result(text, lead, container);
    }

    /** The story box's first lines as served, date and byline lines included, before cleaning drops them. */
    private static String lead(List<MainTextBlocks.Block> blocks) {
        return blocks.stream()
                .limit(LEAD_BLOCKS)
                .map(MainTextBlocks.Block::text)
                .collect(Collectors.joining("\n"));
    }

    private static List<String> story(List<MainTextBlocks.Block> blocks, String title, @Nullable String author) {
        String comparableTitle = DomText.comparable(title);
        String comparableAuthor = author == null ? "" : DomText.comparable(author);
        List<MainTextBlocks.Block> kept = new ArrayList<>();
        boolean prose = false;
        for (MainTextBlocks.Block block : blocks) {
            String text = block.text();
            String comparable = DomText.comparable(text);
            // the headline is returned as the title even when og:title words it differently from the h1
            boolean headline =
                    !prose && (block.level() == 1 || !comparableTitle.isEmpty() && comparable.equals(comparableTitle));
            if (headline) {
                // what sits above the headline in the story box is its kicker, rubric or breadcrumb
                kept.clear();
                continue;
            }
            boolean byline = !comparableAuthor.isEmpty()
                    && (comparable.equals(comparableAuthor)
                            || !prose && text.length() < 100 && comparable.startsWith(comparableAuthor + " "));
            boolean metadata = byline
                    || comparable.isEmpty()
                    || text.length() < 120
                            && (Byline.names(text) != null
                                    || CREDIT.matcher(text).matches()
                                    || TAG_LINE.matcher(text).matches()
                                    || AD_LABEL.matcher(text).matches()
                                    || onlyDate(text));
            if (!metadata) {
                kept.add(block);
                prose |= !block.heading() && DomText.words(text) >= 10;
            }
        }
        // a heading left with nothing under it introduced a box the cleaner took away
        while (!kept.isEmpty() && kept.getLast().heading()) {
            kept.removeLast();
        }
        return kept.stream().map(MainTextBlocks.Block::text).toList();
    }

    /** A paragraph that reads as prose: enough words, closed like a sentence. */
    private static boolean isSentence(String block) {
        String text = block.strip();
        return DomText.words(text) >= MIN_SENTENCE_WORDS
                && SENTENCE_END.matcher(text).find();
    }

    /** "12 March 2024, 14:30", "Updated: 2024-03-12": a line that is a date and nothing else a reader would miss. */
    private static boolean onlyDate(String text) {
        if (text.length() > 80 || !TextDate.hasDate(text)) {
            return false;
        }
        String rest = DATE_WORDS.matcher(NUMBERS.matcher(text).replaceAll(" ")).replaceAll(" ");
        // one word may remain: the city of a dateline, a "Views" counter's label
        return DomText.words(MONTHS_AND_WEEKDAYS.matcher(rest).replaceAll(" ")) <= 1;
    }

    /** Too little text on this pass; unlike a listing verdict, the lenient pass may still find the story. */
    private static final class TooLittleText extends Exception {
        TooLittleText(String message) {
            super(message, null, false, false);
        }
    }
}
