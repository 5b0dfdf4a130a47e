package org.outpost.core.classify;

import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;

/**
 * Scores a text against the topics and tags its entities; the one place ingest, the API and
 * the command line go through, so they always agree. Thread-safe.
 */
public final class Classifier {

    /** Texts longer than this are refused by the API; ingest truncates instead. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private final TopicScorer topics;
    private final EntityTagger entities;

    public Classifier(TopicDefinitions topics, Gazetteer gazetteer) {
        this.topics = new TopicScorer(topics);
        this.entities = new EntityTagger(gazetteer);
    }

    public static Classifier defaults() {
        return new Classifier(TopicDefinitions.defaults(), Gazetteer.defaults());
    }

    public TopicDefinitions topicDefinitions() {
        return topics.definitions();
    }

    public Classification classify(@Nullable String title, String text) {
        String body = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        String all = title == null || title.isBlank() ? body : title + "\n" + body;
        return new Classification(topics.score(title, body), entities.tag(all));
    }

    public Article classify(Article article) {
        return classify(article.title(), article.body()).applyTo(article);
    }
}
