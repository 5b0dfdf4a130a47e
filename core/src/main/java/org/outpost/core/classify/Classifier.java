package org.outpost.core.classify;

import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.language.Language;
import org.outpost.core.language.LanguageDetector;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;
import org.outpost.core.topic.TopicScores;
import org.outpost.core.topic.TopicTerms;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.core.topic.learn.ModelEvaluation;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicModel;

/**
 * Recognises a text's language, scores it against the topics in that language (the clauses, blended with the learned
 * model where there is one) and tags its entities; the one place ingest, re-scoring, the API and the command line go
 * through, so they always agree. Thread-safe.
 */
public final class Classifier {

    /** Texts longer than this are refused by the API; ingest truncates instead. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private final TopicScorer topics;
    private final EntityTagger entities;
    private final LanguageDetector languages;
    private final @Nullable TopicModel model;

    /** The clauses alone. */
    public Classifier(TopicDefinitions topics, Gazetteer gazetteer) {
        this(topics, gazetteer, LanguageDetector.shared(), null);
    }

    public Classifier(
            TopicDefinitions topics, Gazetteer gazetteer, LanguageDetector languages, @Nullable TopicModel model) {
        this(new TopicScorer(topics), new EntityTagger(gazetteer), languages, model);
    }

    private Classifier(
            TopicScorer topics, EntityTagger entities, LanguageDetector languages, @Nullable TopicModel model) {
        this.topics = topics;
        this.entities = entities;
        this.languages = languages;
        this.model = model;
    }

    /** The bundled topics and gazetteer with the shipped model. */
    public static Classifier defaults() {
        return new Classifier(
                TopicDefinitions.defaults(), Gazetteer.defaults(), LanguageDetector.shared(), TopicModel.shipped());
    }

    /** The same topics and entities with another model (null: the clauses alone); cheap, shares what it can. */
    public Classifier withModel(@Nullable TopicModel other) {
        return new Classifier(topics, entities, languages, other);
    }

    public TopicDefinitions topicDefinitions() {
        return topics.definitions();
    }

    /** The clauses' scorer, which a model is trained beside. */
    public TopicScorer rules() {
        return topics;
    }

    /** The learned model blended with the clauses, or null for the clauses alone. */
    public @Nullable TopicModel model() {
        return model;
    }

    /**
     * Precision, recall and F1 of this classifier's labels on labelled texts, per language and
     * topic. Each text is scored in the language it is labelled with, as ingest passes the detected
     * one; English is left to its script, as for callers that do not know the language.
     */
    public QualityReport evaluate(List<LabelledText> texts, List<String> topics) {
        return ModelEvaluation.evaluate(texts, topics, text -> {
            String declared =
                    text.language() == Language.EN ? null : text.language().code();
            return new HashSet<>(
                    classify(declared, text.title(), text.text()).topics().labels());
        });
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
        TopicScores scores = topics.score(title, body, language);
        if (model != null) {
            scores = model.blend(scores, TopicTerms.of(title, body, language), language, topics.definitions());
        }
        return new Classification(language, scores, entities.tag(all));
    }

    /** The article's language recognised again (its stored one only as a declaration), then scored and tagged. */
    public Article classify(Article article) {
        return classify(article.language(), article.title(), article.body()).applyTo(article);
    }
}
