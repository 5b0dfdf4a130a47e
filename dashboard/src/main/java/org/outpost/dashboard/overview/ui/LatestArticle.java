package org.outpost.dashboard.overview.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.outpost.core.article.Article;
import org.outpost.dashboard.ui.i18n.LocalFormat;

/** A line of the latest-articles list: title (to the article page), source, date, topics; "new" when pushed live. */
class LatestArticle extends Div {

    LatestArticle(Article article, boolean isNew, Map<String, String> topicNames, ZoneId zone) {
        addClassName("latest-article");
        if (isNew) {
            addClassName("new");
            Span badge = new Span(getTranslation("latest.new"));
            badge.getElement().getThemeList().add("badge success small");
            add(badge);
        }
        // the title is text in an anchor: crawled markup never reaches the page as HTML
        Anchor title = new Anchor("articles/" + article.id(), article.title());
        title.addClassName("latest-title");
        Instant when = article.datedAt();
        Span meta = new Span(
                article.source() + (when == null ? "" : " · " + LocalFormat.dateTime(when, zone, getLocale())));
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
