package org.outpost.core.classify;

import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.core.entity.Entity;
import org.outpost.core.topic.TopicScores;

/** What the classifier found in one text. */
public record Classification(TopicScores topics, List<Entity> entities) {

    public Classification {
        entities = List.copyOf(entities);
    }

    /** The article with these scores, labels and entities (as {@code type:Name}) in place of its own. */
    public Article applyTo(Article article) {
        return article.withClassification(topics.scores(), topics.labels(),
                entities.stream().map(Entity::typed).toList());
    }
}
