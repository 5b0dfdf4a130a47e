package org.outpost.crawler.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Tells an index page (a front page, a section, a tag page, search results) from a story. Teaser
 * summaries are prose, so the scorer happily picks their box; what gives them away is the
 * rhythm: many linked headlines, or many {@code <article>} cards, each with little text, and
 * hardly any prose outside them. A brief's own paragraph lies outside its "related" list, so a
 * 30-word story above four linked headlines stays a story.
 */
final class ListingPage {

    private static final int MIN_TEASERS = 3;
    private static final int MAX_CHARS_PER_LINKED_HEADLINE = 500;
    private static final int MAX_CHARS_PER_CARD = 700;
    /** Prose outside the teasers shorter than the shortest brief: a listing's intro line or counter. */
    private static final int MAX_WORDS_OUTSIDE_TEASERS = 20;

    private static final int MIN_HEADLINE_WORDS = 3;
    /** A run of this many alike teasers is a listing's body, longer than any story's "related" box. */
    private static final int LONG_LISTING = 8;

    private static final Set<String> BLOCKS = Set.of(
            "p", "li", "div", "td", "dd", "dt", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "footer", "aside", "main", "body", "table", "ul", "ol");
    /** How index pages name themselves in the title or headline: "Tag: border", "Результаты поиска", "Рубрика: …". */
    private static final Pattern SECTION_LABEL = Pattern.compile(
            "(?iuU)^(?:tag|tags|tagged|category|search results|results for"
                    + "|тег|теги|метка|метки|материалы с тегом|материалы по тегу|рубрика|категория|результаты поиска"
                    + "|teg|qidiruv natijalari|натиҷаҳои ҷустуҷӯ|издөөнүн жыйынтыгы|іздеу нәтижелері)\\b(?:\\s*[:«\"„].*|\\s*$)");
    /** Labels that also start real headlines ("Archive footage shows…"), so only heard on brief-sized pages. */
    private static final Pattern WEAK_SECTION_LABEL =
            Pattern.compile("(?iuU)^(?:topic|topics|archive|archives|section|search"
                    + "|latest news|all news|news feed|тема|раздел|архив|архив новостей|поиск|все новости|лента новостей"
                    + "|последние новости|все материалы|barcha yangiliklar|qidiruv|ҷустуҷӯ|ҳамаи хабарҳо|издөө|іздеу"
                    + "|барлық жаңалықтар)\\b(?:\\s*[:«\"„].*|\\s*$)");
    /** "Архив новостей за 16 ноября 2026 года", "News archive for 16 November": a day's or a month's list. */
    private static final Pattern ARCHIVE = Pattern.compile("(?iuU)^(?:архив(?: новостей| материалов| публикаций)?"
            + "|(?:news )?archives?|arxiv|мұрағат)\\s+(?:за|по|от|for|of|from)\\b.*");

    private static final Pattern READ_MORE =
            Pattern.compile("(?iuU)^(?:read more|continue reading|more|full story|подробнее"
                    + "|читать далее|читать полностью|далее|batafsil|муфассал|толығырақ|кененирээк)\\W*$");
    private static final Pattern PAGE_PARAMETER = Pattern.compile("page|pagen|start=|offset=|[?&]p=");
    private static final Set<String> COLLECTION_TYPES =
            Set.of("CollectionPage", "SearchResultsPage", "ItemList", "ProfilePage");

    private ListingPage() {}

    static boolean looksLikeListing(Element container) {
        List<Element> headlines = headlineLinks(container);
        if (headlines.size() < MIN_TEASERS) {
            return false;
        }
        Prose prose = prose(container, headlines);
        // a long listing may open with an intro of a few sentences; a story's own related box is short
        if (prose.longestRun() >= LONG_LISTING && prose.outside() * 4 < prose.inTeasers()) {
            return true;
        }
        if (prose.outside() >= MAX_WORDS_OUTSIDE_TEASERS) {
            return false;
        }
        int text = DomText.length(container);
        int linkedHeadings = 0;
        for (Element heading : container.select("h1, h2, h3, h4, h5")) {
            if (DomText.length(heading) > 0
                    && heading.selectFirst("a[href]") != null
                    && DomText.linkDensity(heading) >= 0.8) {
                linkedHeadings++;
            }
        }
        if (linkedHeadings >= MIN_TEASERS && text / linkedHeadings < MAX_CHARS_PER_LINKED_HEADLINE
                || text / headlines.size() < MAX_CHARS_PER_LINKED_HEADLINE) {
            return true;
        }
        int cards = container.select("article").size() - (container.normalName().equals("article") ? 1 : 0);
        return cards >= MIN_TEASERS && text / cards < MAX_CHARS_PER_CARD;
    }

    /**
     * What marks a page holding a short text as an index rather than a brief: its headline names a
     * section, tag or search; its JSON-LD calls it a collection; it has a numbered pager; or the
     * text is a teaser, its headline or a "read more" link leading to another page. Asked only for
     * brief-sized texts, where the words alone cannot tell.
     */
    static @Nullable String indexSign(Document page, Element storyBox, String title, URI pageUri, JsonLd jsonLd) {
        String label = sectionLabel(page, title, WEAK_SECTION_LABEL);
        if (label != null) {
            return label;
        }
        if (jsonLd.article() == null && jsonLd.hasType(COLLECTION_TYPES)) {
            return "its JSON-LD calls it a collection";
        }
        if (hasNumberedPager(page)) {
            return "it has a numbered pager";
        }
        for (Element link : storyBox.select("a[href]")) {
            boolean headline = link.closest("h1, h2, h3") != null && DomText.words(link.text()) >= MIN_HEADLINE_WORDS;
            if ((headline || READ_MORE.matcher(DomText.collapse(link.text())).matches())
                    && leadsElsewhere(link, pageUri)) {
                return "its text is a teaser for " + link.attr("href");
            }
        }
        return null;
    }

    /** A page whose headline names a tag, a category or search results, whatever its length. */
    static @Nullable String sectionLabel(Document page, String title) {
        return sectionLabel(page, title, SECTION_LABEL);
    }

    private static @Nullable String sectionLabel(Document page, String title, Pattern labels) {
        for (String heading : new String[] {title, page.title(), text(page.selectFirst("h1"))}) {
            String text = DomText.collapse(heading);
            if (labels.matcher(text).matches()
                    || SECTION_LABEL.matcher(text).matches()
                    || ARCHIVE.matcher(text).matches()) {
                return "the headline \"" + text + "\" names a section, tag or search";
            }
        }
        return null;
    }

    /** Links with a headline's words that stand alone, not inside a sentence of a paragraph. */
    private static List<Element> headlineLinks(Element container) {
        List<Element> headlines = new ArrayList<>();
        for (Element link : container.select("a[href]")) {
            String text = DomText.collapse(link.text());
            if (DomText.words(text) < MIN_HEADLINE_WORDS) {
                continue;
            }
            Element block = block(link);
            boolean inSentence =
                    block != null && block.normalName().equals("p") && text.length() < 0.6 * DomText.length(block);
            if (!inSentence) {
                headlines.add(link);
            }
        }
        return headlines;
    }

    /** Words of prose outside the teasers and inside them, and the longest run of alike teasers. */
    private record Prose(int outside, int inTeasers, int longestRun) {}

    /**
     * Words of prose in the container in no teaser and in teasers. A teaser is the largest small box
     * around one headline link; teasers count only in runs of three or more alike boxes (same parent,
     * tag and class), as listings repeat one template, so a brief with a "print" link is not one.
     * Headings and links are labels and pagers, not prose.
     */
    private static Prose prose(Element container, List<Element> headlines) {
        // how many headline links each box holds, counted in one pass: pages with 100,000 links exist
        Map<Element, Integer> linksInside = new IdentityHashMap<>();
        for (Element link : headlines) {
            for (Element parent = link.parent(); parent != null && parent != container; parent = parent.parent()) {
                linksInside.merge(parent, 1, Integer::sum);
            }
        }
        Map<String, List<Element>> alike = new HashMap<>();
        for (Element link : headlines) {
            Element teaser = link;
            for (Element parent = link.parent();
                    parent != null
                            && parent != container
                            && linksInside.get(parent) == 1
                            && DomText.length(parent) <= MAX_CHARS_PER_CARD;
                    parent = parent.parent()) {
                teaser = parent;
            }
            Element parent = teaser.parent();
            String key = System.identityHashCode(parent) + " " + teaser.normalName() + " " + teaser.className();
            alike.computeIfAbsent(key, k -> new ArrayList<>()).add(teaser);
        }
        int inside = 0;
        int longestRun = 0;
        for (List<Element> run : alike.values()) {
            if (run.size() >= MIN_TEASERS) {
                longestRun = Math.max(longestRun, run.size());
                for (Element teaser : run) {
                    // the teaser's links and headings are among the labels already
                    inside += DomText.words(teaser.text()) - wordsOfLabels(teaser);
                }
            }
        }
        int outside = Math.max(0, DomText.words(container.text()) - wordsOfLabels(container) - inside);
        return new Prose(outside, inside, longestRun);
    }

    /** Words in headings and in links outside headings. */
    private static int wordsOfLabels(Element root) {
        int words = 0;
        for (Element heading : root.select("h1, h2, h3, h4, h5, h6")) {
            words += DomText.words(heading.text());
        }
        for (Element link : root.select("a[href]")) {
            if (link.closest("h1, h2, h3, h4, h5, h6") == null) {
                words += DomText.words(link.text());
            }
        }
        return words;
    }

    private static @Nullable Element block(Element element) {
        for (Element at = element.parent(); at != null; at = at.parent()) {
            if (BLOCKS.contains(at.normalName())) {
                return at;
            }
        }
        return null;
    }

    /** "1 2 3 … Next": page numbers as sibling links (or list items), as index pages are paged. */
    private static boolean hasNumberedPager(Document page) {
        for (Element list : page.select("ul, ol, nav, div, p")) {
            int numbers = 0;
            StringBuilder targets = new StringBuilder();
            for (Element child : list.children()) {
                Element link = child.normalName().equals("a")
                        ? child
                        : child.normalName().equals("li") ? child.selectFirst("a[href]") : null;
                if (link != null
                        && link.hasAttr("href")
                        && DomText.collapse(link.text()).matches("\\d{1,4}")) {
                    numbers++;
                    targets.append(link.attr("href").toLowerCase(Locale.ROOT)).append(' ');
                }
            }
            if (numbers >= MIN_TEASERS
                    || numbers == MIN_TEASERS - 1
                            && PAGE_PARAMETER.matcher(targets).find()) {
                return true;
            }
        }
        return false;
    }

    /** The story box is detached from the page, so its links are resolved here, not by jsoup. */
    private static boolean leadsElsewhere(Element link, URI pageUri) {
        String href = link.attr("href").strip();
        if (href.isEmpty()
                || href.startsWith("#")
                || href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            return false;
        }
        try {
            URI uri = pageUri.resolve(href.replace(" ", "%20"));
            return !(same(uri.getHost(), pageUri.getHost()) && same(path(uri), path(pageUri)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String path(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String text(@Nullable Element element) {
        return element == null ? "" : element.text();
    }
}
