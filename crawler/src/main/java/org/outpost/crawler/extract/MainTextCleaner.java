package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Takes out of the chosen container what sits inside a story's box without being the story:
 * captions, share bars, "related" and "read more" lists, comment threads, newsletter boxes,
 * bylines and link-heavy blocks. Runs in two steps so the listing check can look at the box
 * after the obvious junk is gone but before the conditional cleaning hides teaser structure.
 */
final class MainTextCleaner {

    private static final String NEVER_TEXT = "figure, figcaption, picture, img, form, address, .wp-caption-text,"
            + " [itemprop=caption], .twitter-tweet, .instagram-media";
    /** Headings that open a section which is not part of the story. */
    private static final Pattern SECTION_HEADING = Pattern.compile("(?iuU)^(?:"
            + "more (?:from|on|in|about|stories|news)\\b.*|related\\b.*|read (?:more|also|next)\\b.*|see also|also read.*"
            + "|you (?:may|might) (?:also )?(?:like|be interested).*|recommended.*|comments?(?: \\d+)?|\\d+ comments?"
            + "|leave a (?:reply|comment).*|join the discussion|share(?: this)?(?: article| story| page| post)?"
            + "|tags?|topics|most (?:read|popular|viewed)\\b.*|latest(?: news| stories)?|popular|trending(?: now)?"
            + "|subscribe\\b.*|sign up\\b.*|(?:our |weekly |daily )?newsletter\\b.*|follow us\\b.*|about the authors?"
            + "|читайте также.*|также читайте.*|смотрите также.*|похожие (?:новости|материалы|статьи).*|по теме"
            + "|(?:другие )?новости по теме|другие новости.*|комментарии.*|поделиться.*|последние новости.*|популярное.*"
            + "|самое читаемое.*|подпишитесь.*|теги|метки|лента новостей)$");
    /** A paragraph that only points elsewhere: "Read more: <link>". */
    private static final Pattern POINTER =
            Pattern.compile("(?iuU)^(?:read (?:more|also|next)|also read|see also|related"
                    + "|more on this|watch|listen|follow us|subscribe to|join us|читайте (?:также|еще|ещё)|также читайте"
                    + "|смотрите также|подробнее|по теме|подписывайтесь|подпишитесь)\\b.*");
    /** The press-office furniture closing a release: "For more information, contact: ...". */
    private static final Pattern CONTACTS = Pattern.compile(
            "(?iuU)^(?:for (?:more|further) information|media (?:contact|enquiries"
                    + "|inquiries)|press (?:contact|enquiries|inquiries)|contacts?\\s*:|для справок|контакты\\s*:|контактная информация)\\b.*");

    private MainTextCleaner() {}

    /** Removes what is never story text, whatever the page looks like. */
    static void removeJunk(Element root) {
        root.select(NEVER_TEXT).remove();
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || element == root || isHeading(element)) {
                    return FilterResult.CONTINUE;
                }
                boolean junk = ClassHints.junk(element) && !element.normalName().equals("a");
                boolean metadata =
                        ClassHints.metadata(element) && DomText.length(element) < 200 && !insideParagraph(element);
                return junk || metadata ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        });
        removeSections(root);
        for (Element block : root.select("p, div, li")) {
            String text = DomText.collapse(block.text());
            if (block.parent() == null || text.length() >= 300) {
                continue;
            }
            if (POINTER.matcher(text).matches()
                            && (DomText.linkDensity(block) > 0.3
                                    || block.selectFirst("a") == null && text.length() < 40)
                    || CONTACTS.matcher(text).matches()) {
                block.remove();
            }
        }
    }

    /** Readability's conditional cleaning, plus link lists, which it keeps and news sites fill with teasers. */
    static void cleanConditionally(Element root, boolean weighClasses) {
        List<Element> boxes =
                new ArrayList<>(root.select("table, ul, ol, dl, div, section, header, aside, blockquote"));
        for (Element box : boxes.reversed()) {
            if (box == root || box.parent() == null) {
                continue;
            }
            if (shouldRemove(box, weighClasses)) {
                box.remove();
            }
        }
        for (Element paragraph : root.select("p, li")) {
            int length = DomText.length(paragraph);
            if (paragraph.parent() != null && length < 250 && DomText.linkDensity(paragraph) > 0.5) {
                paragraph.remove();
            }
        }
    }

    private static boolean shouldRemove(Element box, boolean weighClasses) {
        int weight = weighClasses ? ClassHints.weight(box) : 0;
        if (weight < 0) {
            return true;
        }
        String text = box.text();
        if (DomText.commas(text) >= 10) {
            return false;
        }
        boolean list = box.normalName().equals("ul")
                || box.normalName().equals("ol")
                || box.normalName().equals("dl");
        double linkDensity = DomText.linkDensity(box, text.length());
        if (list) {
            return linkDensity > 0.5;
        }
        int paragraphs = box.getElementsByTag("p").size();
        int listItems = box.getElementsByTag("li").size();
        if (text.length() < 25 && linkDensity > 0) {
            return true;
        }
        if (weight < 25 && linkDensity > 0.2) {
            return true;
        }
        if (weight >= 25 && linkDensity > 0.5) {
            return true;
        }
        // a box of many short links items and hardly any prose is a menu or a teaser rail
        return listItems > paragraphs + 5 && linkDensity > 0.3;
    }

    private static void removeSections(Element root) {
        for (Element heading : root.select("h1, h2, h3, h4, h5, h6, [class*=title], [class*=heading]")) {
            if (heading.parent() == null
                    || DomText.length(heading) > 80
                    || !SECTION_HEADING.matcher(sectionName(heading)).matches()) {
                continue;
            }
            int level = level(heading);
            Element next = heading.nextElementSibling();
            while (next != null && !(isHeading(next) && level(next) <= level)) {
                Element after = next.nextElementSibling();
                next.remove();
                next = after;
            }
            heading.remove();
        }
    }

    private static String sectionName(Element heading) {
        return DomText.collapse(heading.text())
                .replaceAll("[:.!…»«\"()\\[\\]]", "")
                .replaceAll("\\s+\\d+$", "")
                .strip();
    }

    /** A dateline or date marked up inside a sentence is part of the sentence. */
    private static boolean insideParagraph(Element element) {
        Element parent = element.parent();
        return parent != null && parent.closest("p") != null;
    }

    private static boolean isHeading(Element element) {
        return DomText.isHeading(element);
    }

    private static int level(Element element) {
        return isHeading(element) ? element.normalName().charAt(1) - '0' : 7;
    }
}
