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

/**
 * The article page's "Copies of this story" and "Related articles" panels. Titles and source
 * names come from crawled pages, so they are only ever set as text.
 */
final class StoryLinks {

    private StoryLinks() {
    }

    /**
     * @param original the article this one copies, when it is a copy and the original is still indexed
     */
    static Div copies(Article article, @Nullable Article original, List<Article> copies) {
        Div panel = panel("Copies of this story", "article-copies");
        if (article.duplicateOf() != null) {
            Paragraph copyOf = new Paragraph("Copy of ");
            copyOf.addClassName("copy-of");
            copyOf.add(original == null ? new Span("an article no longer in the index")
                    : link(original.title(), original.id()));
            panel.add(copyOf);
        }
        if (copies.isEmpty()) {
            panel.add(empty("No copies recorded."));
        }
        for (Article copy : copies) {
            panel.add(row("copy-row", link(copy.source(), copy.id()), ArticleView.formatDate(copy.datedAt())));
        }
        return panel;
    }

    static Div related(List<Article> related) {
        Div panel = panel("Related articles", "article-related");
        if (related.isEmpty()) {
            panel.add(empty("No related articles yet."));
        }
        for (Article other : related) {
            panel.add(row("related-row", link(other.title(), other.id()),
                    other.source() + " · " + ArticleView.formatDate(other.datedAt())));
        }
        return panel;
    }

    /** Shown in place of both panels when the index does not answer: the article itself still reads. */
    static Div unavailable() {
        Div panel = panel("Copies and related articles", "article-copies");
        panel.add(empty("The article index did not answer; reload the page to try again."));
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
