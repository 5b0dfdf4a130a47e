package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The article page's "Copies of this story" and "Related articles" panels. Titles and source
 * names come from crawled pages, so they are only ever set as text.
 */
final class StoryLinks {

    private StoryLinks() {}

    /**
     * @param original the article this one copies, when it is a copy and the original is still indexed
     */
    static Div copies(Article article, @Nullable Article original, List<Article> copies) {
        Div panel = panel(Texts.get("story.copies"), "article-copies");
        if (article.duplicateOf() != null) {
            Paragraph copyOf = new Paragraph(Texts.get("story.copyOf") + " ");
            copyOf.addClassName("copy-of");
            copyOf.add(
                    original == null
                            ? new Span(Texts.get("story.originalGone"))
                            : link(original.title(), original.id()));
            panel.add(copyOf);
        }
        if (copies.isEmpty()) {
            panel.add(empty(Texts.get("story.noCopies")));
        }
        for (Article copy : copies) {
            panel.add(row("copy-row", link(copy.source(), copy.id()), ArticleView.formatDate(copy.datedAt())));
        }
        return panel;
    }

    static Div related(List<Article> related) {
        Div panel = panel(Texts.get("story.related"), "article-related");
        if (related.isEmpty()) {
            panel.add(empty(Texts.get("story.noRelated")));
        }
        for (Article other : related) {
            panel.add(row(
                    "related-row",
                    link(other.title(), other.id()),
                    other.source() + " · " + ArticleView.formatDate(other.datedAt())));
        }
        return panel;
    }

    /** Shown in place of both panels when the index does not answer: the article itself still reads. */
    static Div unavailable() {
        Div panel = panel(Texts.get("story.copiesAndRelated"), "article-copies");
        panel.add(empty(Texts.get("story.indexDown")));
        return panel;
    }

    private static RouterLink link(String text, String id) {
        RouterLink link = new RouterLink(text, ArticleView.class, new RouteParameters("id", id));
        link.addClassName("story-link");
        return link;
    }

    private static Div row(String className, Component link, String meta) {
        Span details = new Span(meta);
        details.addClassName("story-meta");
        Div row = new Div(link, details);
        row.addClassName("story-row");
        row.addClassName(className);
        return row;
    }

    private static Div panel(String title, String className) {
        Div panel = new Div(new H3(title));
        panel.addClassName("article-panel");
        panel.addClassName(className);
        return panel;
    }

    private static Span empty(String text) {
        Span span = new Span(text);
        span.addClassName("story-empty");
        return span;
    }
}
