package org.outpost.dashboard.overview.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.outpost.core.article.Article;

/** A line of the latest-articles list: title (to the article page), source, date, topics; "new" when pushed live. */
class LatestArticle extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    LatestArticle(Article article, boolean isNew, Map<String, String> topicNames, ZoneId zone) {
        addClassName("latest-article");
        if (isNew) {
            addClassName("new");
            Span badge = new Span("new");
            badge.getElement().getThemeList().add("badge success small");
            add(badge);
        }
        // the title is text in an anchor: crawled markup never reaches the page as HTML
        Anchor title = new Anchor("articles/" + article.id(), article.title());
        title.addClassName("latest-title");
        Instant when = article.datedAt();
        Span meta = new Span(article.source() + (when == null ? "" : " · " + DATE.format(when.atZone(zone))));
        meta.addClassName("latest-meta");
        Div topics = new Div();
        topics.addClassName("latest-topics");
        for (String topic : article.topics()) {
            Span chip = new Span(topicNames.getOrDefault(topic, topic));
            chip.getElement().getThemeList().add("badge contrast small");
            topics.add(chip);
        }
        add(title, meta, topics);
    }
}
