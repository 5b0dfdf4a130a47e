package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Gets a page ready for scoring: drops what can never be article text (scripts, hidden boxes,
 * menus, page header and footer, and, on the strict pass, boxes whose names say they are
 * boilerplate), and turns loose text into paragraphs so that {@code <br>}-separated stories
 * on old CMSs are scored like {@code <p>} ones.
 */
final class MainTextPreparer {

    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, frame, frameset, svg, canvas,"
            + " object, embed, link, meta, button, input, select, textarea, dialog, map, audio, video, source,"
            + " amp-ad, amp-embed, amp-sticky-ad, amp-analytics, amp-social-share, amp-consent";
    private static final String HIDDEN = "[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none],"
            + " [style~=(?i)visibility\\s*:\\s*hidden]";
    private static final String PAGE_CHROME = "nav, [role=navigation], [role=search], [role=menu], [role=menubar],"
            + " [role=dialog], [role=alertdialog], [role=contentinfo]";
    private static final String SIDE_CHROME = "aside, footer, [role=complementary]";
    /** An element holding one of these holds the story, whatever its name. */
    private static final String HOLDS_STORY = "h1, main, [role=main], [itemprop=articleBody]";

    private static final Set<String> LOOSE_TEXT_HOLDERS = Set.of(
            "body",
            "div",
            "section",
            "article",
            "main",
            "td",
            "th",
            "blockquote",
            "center",
            "dd",
            "form",
            "header",
            "span",
            "font");
    private static final Set<String> INLINE = Set.of(
            "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
            "img", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "time", "tt", "u", "var", "wbr", "label");

    private MainTextPreparer() {}

    static void prepare(Element body, boolean stripUnlikely) {
        body.select(NEVER_TEXT).remove();
        body.select(HIDDEN).remove();
        body.select(PAGE_CHROME).remove();
        if (stripUnlikely) {
            body.select(SIDE_CHROME).remove();
            removeSiteHeaders(body);
        }
        removeBoilerplateBoxes(body, stripUnlikely);
        wrapLooseText(body);
    }

    /** A header outside the article is the site's masthead; inside it, it carries the headline and standfirst. */
    private static void removeSiteHeaders(Element body) {
        for (Element header : body.select("header, [role=banner]")) {
            if (header.closest("article, main, [role=main], [itemprop=articleBody]") == null
                    && header.selectFirst("h1") == null) {
                header.remove();
            }
        }
    }

    private static void removeBoilerplateBoxes(Element body, boolean stripUnlikely) {
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || element == body) {
                    return FilterResult.CONTINUE;
                }
                String tag = element.normalName();
                // a heading's id is an anchor made from its own words ("recommendations"), not a box name
                if (tag.equals("article") || tag.equals("main") || tag.equals("a") || DomText.isHeading(element)) {
                    return FilterResult.CONTINUE;
                }
                boolean remove = stripUnlikely ? ClassHints.unlikely(element) : ClassHints.junk(element);
                // a wrapper named "page-with-sidebar" or "has-comments" must not take the story with it
                return remove && element.selectFirst(HOLDS_STORY) == null ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        });
    }

    /** Runs of text and inline elements between {@code <br>}s and blocks become {@code <p>}s. */
    private static void wrapLooseText(Element body) {
        List<Element> holders = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (LOOSE_TEXT_HOLDERS.contains(element.normalName())
                    && hasLooseText(element)
                    && (!INLINE.contains(element.normalName()) || hasBlockChild(element))) {
                holders.add(element);
            }
        }
        for (Element holder : holders) {
            wrapRuns(holder);
        }
    }

    /** Bare text, or text in inline elements set apart by {@code <br>}s ("<b>Title</b><br><a>Print</a>"). */
    private static boolean hasLooseText(Element element) {
        boolean lineBreaks = false;
        boolean inlineText = false;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return true;
            }
            if (child instanceof Element e) {
                lineBreaks |= e.normalName().equals("br");
                inlineText |= INLINE.contains(e.normalName())
                        && e.selectFirst(blockTags()) == null
                        && !e.text().isBlank();
            }
        }
        return lineBreaks && inlineText;
    }

    /** Counting {@code <br>}: a {@code <font>} of br-separated lines is a block of paragraphs, not a phrase. */
    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (!INLINE.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void wrapRuns(Element holder) {
        List<Node> run = new ArrayList<>();
        for (Node child : new ArrayList<>(holder.childNodes())) {
            boolean inline = child instanceof TextNode
                    || child instanceof Element e
                            && INLINE.contains(e.normalName())
                            && e.selectFirst(blockTags()) == null;
            if (inline) {
                run.add(child);
                continue;
            }
            wrap(run);
            run = new ArrayList<>();
            if (child instanceof Element e && e.normalName().equals("br")) {
                e.remove();
            }
        }
        wrap(run);
    }

    private static void wrap(List<Node> run) {
        boolean hasText = run.stream()
                .anyMatch(n -> n instanceof TextNode t
                        ? !t.isBlank()
                        : n instanceof Element e && !e.text().isBlank());
        if (!hasText) {
            return;
        }
        Element paragraph = new Element("p");
        run.getFirst().before(paragraph);
        for (Node node : run) {
            paragraph.appendChild(node);
        }
    }

    private static String blockTags() {
        return "p, div, section, article, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, br";
    }
}
