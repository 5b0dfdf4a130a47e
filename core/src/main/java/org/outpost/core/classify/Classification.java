package org.outpost.core.classify;

import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.core.entity.Entity;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicScores;

/** What the classifier found in one text: its language, its topic scores and its entities. */
public record Classification(Language language, TopicScores topics, List<Entity> entities) {

    public Classification {
        entities = List.copyOf(entities);
    }

    /** The article in this language, with these scores, labels and entities (as {@code type:Name}) in place of its own. */
    public Article applyTo(Article article) {
        return article.withLanguage(language.code())
                .withClassification(
                        topics.scores(),
                        topics.labels(),
                        entities.stream().map(Entity::typed).toList());
    }
}
