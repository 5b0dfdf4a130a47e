package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote the story: the JSON-LD author (object, array, string or {@code @id} reference),
 * then author meta tags, {@code rel=author}, {@code itemprop=author}, then byline and author
 * elements, whose text is reduced to the names ("By Jane Doe | 12 March" is "Jane Doe").
 * Bylines inside comments and teasers name someone else and are skipped.
 */
final class AuthorFinder {

    private static final String META = "meta[name=author], meta[property=article:author], meta[name=byl],"
            + " meta[name=sailthru.author], meta[name=parsely-author], meta[name=dc.creator]";
    private static final String BYLINE = ".byline, .author, .author-name, .article-author, .post-author, .entry-author,"
            + " [class*=byline], [class*=author-name], [class*=__author], .writer, .avtor, .autor";
    private static final Pattern PREFIX = Pattern.compile("(?iu)^(?:written by|posted by|reporting by|story by|words by"
            + "|by|author|authors|автор|авторы|текст|подготовил|подготовила|автор материала|муаллиф|матн|muallif|matn"
            + "|автордун)\\s*[:\\-—]?\\s+");
    /** Where the names end: a date, a separator, a role ("Jane Doe, Senior Analyst" keeps only the name). */
    private static final Pattern TAIL =
            Pattern.compile("(?iuU)\\s*(?:[|•·—–]|\\s-\\s|\\d|\\bon\\b\\s+\\p{Lu}|\\bupdated\\b|\\bpublished\\b"
                    + "|\\bопубликовано\\b|\\bобновлено\\b).*$");

    private static final Pattern AND = Pattern.compile("(?iuU)\\s*(?:,\\s*and\\s+|\\s+and\\s+|\\s+и\\s+|\\s*&\\s*)");
    private static final Pattern ROLE =
            Pattern.compile("(?iuU)^(?:senior|junior|chief|staff|special|foreign|our|associate|research|"
                    + "editor|correspondent|reporter|analyst|fellow|director|professor|contributor|journalist|корреспондент|редактор|"
                    + "обозреватель|эксперт|аналитик|журналист|for\\b|in\\b).*");

    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(?:author|authors|автор|авторы|текст|автор материала" + "|муаллиф|матн|muallif|matn)\\s*:");
    private static final int MAX_LABELLED_BYLINE = 120;

    private AuthorFinder() {}

    static @Nullable String find(Document page, JsonLd jsonLd) {
        List<JsonLd.Author> authors = jsonLd.authors();
        boolean onlyOrganisations = !authors.isEmpty() && authors.stream().allMatch(JsonLd.Author::organisation);
        if (!authors.isEmpty() && !onlyOrganisations) {
            return joined(authors.stream().map(JsonLd.Author::name).toList());
        }
        // newsrooms that credit themselves in JSON-LD still print the reporter's byline
        String fromPage = fromPage(page);
        if (fromPage != null || authors.isEmpty()) {
            return fromPage;
        }
        return joined(authors.stream().map(JsonLd.Author::name).toList());
    }

    /** A byline line at the top of the story ("By Dana Omarova in Nation on 11 December 2024"), for pages with no markup. */
    static @Nullable String fromLead(String lead) {
        for (String line : lead.split("\n")) {
            String names = Byline.names(line);
            if (names != null) {
                return clean(names);
            }
        }
        return null;
    }

    private static @Nullable String joined(List<String> raw) {
        List<String> names =
                raw.stream().map(AuthorFinder::clean).filter(n -> n != null).toList();
        return names.isEmpty() ? null : String.join(", ", new LinkedHashSet<>(names));
    }

    private static @Nullable String fromPage(Document page) {
        for (Element meta : page.select(META)) {
            String name = clean(meta.attr("content"));
            if (name != null) {
                return name;
            }
        }
        for (Element element : page.select("[rel=author], [itemprop=author]")) {
            if (inStory(element)) {
                Element name = element.selectFirst("[itemprop=name]");
                String found = clean(
                        name != null
                                ? name.text()
                                : element.hasAttr("content") ? element.attr("content") : element.text());
                if (found != null) {
                    return found;
                }
            }
        }
        for (Element element : page.select(BYLINE)) {
            if (inStory(element)) {
                String found = fromByline(element);
                if (found != null) {
                    return found;
                }
            }
        }
        return labelledByline(page);
    }

    /**
     * "Автор материала: Нодира Юсупова" in a box named only for its layout ("single-header__meta"): a
     * short element whose text is a labelled byline. The label makes it safe to look anywhere in the story.
     */
    private static @Nullable String labelledByline(Document page) {
        for (Element element : page.select("p, div, span, li, td, dd, small")) {
            if (element.childrenSize() > 3 || DomText.length(element) > MAX_LABELLED_BYLINE) {
                continue;
            }
            String text = DomText.collapse(element.text());
            if (LABEL.matcher(text).lookingAt() && inStory(element)) {
                String names = Byline.names(text);
                if (names != null) {
                    return clean(names);
                }
            }
        }
        return null;
    }

    /**
     * A byline names several people through several links; otherwise its first line is the names,
     * and further lines give role and place ("By Alina Karimova" / "Meridian News, Tashkent").
     */
    private static @Nullable String fromByline(Element byline) {
        List<Element> links = byline.select("a");
        if (links.size() > 1) {
            Set<String> names = new LinkedHashSet<>();
            for (Element link : links) {
                String name = clean(link.text());
                if (name != null) {
                    names.add(name);
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        List<MainTextBlocks.Block> lines = MainTextBlocks.of(byline);
        return lines.isEmpty() ? null : clean(lines.getFirst().text());
    }

    private static boolean inStory(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (ClassHints.junk(at)
                    || at.normalName().equals("aside")
                    || at.normalName().equals("footer") && at.closest("article") == null
                    || at.normalName().equals("nav")) {
                return false;
            }
        }
        return true;
    }

    static @Nullable String clean(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String text = PREFIX.matcher(DomText.collapse(raw)).replaceFirst("");
        text = TAIL.matcher(text).replaceFirst("").strip();
        List<String> names = new ArrayList<>();
        for (String part : AND.split(text)) {
            for (String piece : part.split("\\s*[,;]\\s*")) {
                String name = piece.strip();
                if (name.isEmpty() || ROLE.matcher(name).matches()) {
                    continue;
                }
                names.add(name);
            }
        }
        String joined = String.join(", ", names);
        if (joined.isEmpty()
                || joined.length() > 100
                || joined.startsWith("http")
                || joined.contains("@")
                || DomText.words(joined) > 12
                || !Character.isLetter(joined.codePointAt(0))) {
            return null;
        }
        return joined;
    }
}
