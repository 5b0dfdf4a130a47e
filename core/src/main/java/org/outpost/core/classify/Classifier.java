package org.outpost.core.classify;

import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.language.Language;
import org.outpost.core.language.LanguageDetector;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;

/**
 * Recognises a text's language, scores it against the topics in that language and tags its entities; the one place
 * ingest, re-scoring, the API and the command line go through, so they always agree. Thread-safe.
 */
public final class Classifier {

    /** Texts longer than this are refused by the API; ingest truncates instead. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private final TopicScorer topics;
    private final EntityTagger entities;
    private final LanguageDetector languages;

    public Classifier(TopicDefinitions topics, Gazetteer gazetteer) {
        this(topics, gazetteer, LanguageDetector.shared());
    }

    public Classifier(TopicDefinitions topics, Gazetteer gazetteer, LanguageDetector languages) {
        this.topics = new TopicScorer(topics);
        this.entities = new EntityTagger(gazetteer);
        this.languages = languages;
    }

    public static Classifier defaults() {
        return new Classifier(TopicDefinitions.defaults(), Gazetteer.defaults());
    }

    public TopicDefinitions topicDefinitions() {
        return topics.definitions();
    }

    /** A text of unknown language: the text alone tells. */
    public Classification classify(@Nullable String title, String text) {
        return classify(null, title, text);
    }

    /**
     * @param declared the language the text's page or source declares ("ru", "ru-RU", null): it counts where the
     *     text cannot tell, and gives way where the text says otherwise
     */
    public Classification classify(@Nullable String declared, @Nullable String title, String text) {
        String body = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        String all = title == null || title.isBlank() ? body : title + "\n" + body;
        Language language = languages.detect(declared, title, body);
        return new Classification(language, topics.score(title, body, language), entities.tag(all));
    }

    /** The article's language recognised again (its stored one only as a declaration), then scored and tagged. */
    public Article classify(Article article) {
        return classify(article.language(), article.title(), article.body()).applyTo(article);
    }
}
