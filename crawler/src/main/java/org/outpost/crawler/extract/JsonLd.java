package org.outpost.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The page's schema.org JSON-LD as one flat list of objects, top-level arrays and {@code @graph}s
 * unfolded, with {@code {"@id": ...}} references (how Yoast and friends link an article to its
 * author) resolved against that list.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "Article",
            "NewsArticle",
            "BlogPosting",
            "Report",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "ReportageNewsArticle",
            "BackgroundNewsArticle",
            "ScholarlyArticle",
            "TechArticle",
            "LiveBlogPosting",
            "SocialMediaPosting",
            "PressRelease");

    private static final Set<String> ORGANISATION_TYPES = Set.of(
            "Organization",
            "NewsMediaOrganization",
            "GovernmentOrganization",
            "Corporation",
            "NGO",
            "EducationalOrganization",
            "ResearchOrganization");

    /** An article's author; {@code organisation} when the page credits a newsroom or body rather than a person. */
    record Author(String name, boolean organisation) {}

    private final List<JsonNode> objects;

    private JsonLd(List<JsonNode> objects) {
        this.objects = objects;
    }

    static JsonLd of(Document page) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                unfold(JSON.readTree(script.data()), objects);
            } catch (IOException e) {
                // broken JSON-LD is common; the page's other metadata still counts
            }
        }
        return new JsonLd(objects);
    }

    private static void unfold(@Nullable JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> unfold(item, into));
        } else if (node.isObject()) {
            into.add(node);
            unfold(node.get("@graph"), into);
        }
    }

    @Nullable
    JsonNode article() {
        for (JsonNode object : objects) {
            if (hasType(object, ARTICLE_TYPES)) {
                return object;
            }
        }
        return null;
    }

    /** Whether any object on the page has one of these types ("CollectionPage", "ItemList"). */
    boolean hasType(Set<String> types) {
        return objects.stream().anyMatch(object -> hasType(object, types));
    }

    @Nullable
    String headline() {
        JsonNode article = article();
        return article == null ? null : text(article.get("headline"));
    }

    /** The article's authors, persons or organisations, in the order given. */
    List<Author> authors() {
        JsonNode article = article();
        List<Author> authors = new ArrayList<>();
        if (article != null) {
            collectAuthors(article.get("author"), authors);
        }
        return authors;
    }

    private void collectAuthors(@Nullable JsonNode node, List<Author> authors) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collectAuthors(item, authors));
            return;
        }
        JsonNode resolved =
                node.isObject() && !node.has("name") ? resolve(node.path("@id").asText("")) : node;
        List<String> names = new ArrayList<>();
        collectNames(resolved, names);
        boolean organisation = resolved != null && hasType(resolved, ORGANISATION_TYPES);
        names.forEach(name -> authors.add(new Author(name, organisation)));
    }

    /** The publisher's or the website's name, for telling a site-name suffix from a headline. */
    List<String> siteNames() {
        List<String> names = new ArrayList<>();
        JsonNode article = article();
        if (article != null) {
            collectNames(article.get("publisher"), names);
        }
        for (JsonNode object : objects) {
            if (hasType(object, Set.of("WebSite", "Organization", "NewsMediaOrganization", "GovernmentOrganization"))) {
                String name = text(object.get("name"));
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private void collectNames(@Nullable JsonNode node, List<String> names) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collectNames(item, names));
        } else if (node.isTextual()) {
            String name = text(node);
            if (name != null && !name.startsWith("http")) {
                names.add(name);
            }
        } else if (node.isObject()) {
            JsonNode resolved =
                    node.has("name") ? node : resolve(node.path("@id").asText(""));
            String name = resolved == null ? null : text(resolved.get("name"));
            if (name != null) {
                names.add(name);
            }
        }
    }

    private @Nullable JsonNode resolve(String id) {
        if (id.isEmpty()) {
            return null;
        }
        for (JsonNode object : objects) {
            if (id.equals(object.path("@id").asText(null))) {
                return object;
            }
        }
        return null;
    }

    private static boolean hasType(JsonNode object, Set<String> types) {
        JsonNode type = object.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode item : type) {
                if (types.contains(item.asText())) {
                    return true;
                }
            }
            return false;
        }
        return types.contains(type.asText());
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = DomText.collapse(org.jsoup.parser.Parser.unescapeEntities(node.asText(), false));
        return text.isEmpty() ? null : text;
    }
}
