package org.outpost.dashboard.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analysts' verdicts on the topic labels of articles, each user's own: given, replaced, withdrawn.
 * A verdict is checked against the article as indexed ("missing" only for a topic it lacks,
 * "right" and "wrong" only for one it has) and stored with the topic's score then and a copy of
 * the article's text, so that training does not depend on the article staying in the index.
 */
@Service
public class FeedbackService {

    private final FeedbackStore store;
    private final ArticleIndex index;
    private final ClassifierService classifiers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FeedbackService(
            FeedbackStore store,
            ArticleIndex index,
            ClassifierService classifiers,
            PlatformTransactionManager transactions,
            Optional<Clock> clock) {
        this.store = store;
        this.index = index;
        this.classifiers = classifiers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Stores the user's verdict, replacing the one they gave on the same article and topic.
     *
     * @param topic null for the article-level {@link Verdict#NOT_RELEVANT}
     * @throws NoSuchElementException for an article that is not in the index
     * @throws FeedbackRefusedException for a verdict that does not fit the article's labels
     */
    public Feedback give(String user, String articleId, @Nullable String topic, Verdict verdict) {
        Article article = index.get(articleId)
                .orElseThrow(() -> new NoSuchElementException("No article with id '" + articleId + "'"));
        check(article, topic, verdict);
        Instant now = clock.instant();
        Feedback feedback = new Feedback(
                article.id(),
                topic,
                verdict,
                now,
                topic == null ? null : article.topicScores().getOrDefault(topic, 0.0),
                article.language());
        transaction.executeWithoutResult(status -> {
            store.replace(user, feedback);
            store.keepText(
                    new FeedbackStore.StoredText(article.id(), article.title(), article.body(), article.language()),
                    now);
        });
        return feedback;
    }

    /**
     * The user's verdict on a click of its button: given, or withdrawn when it is the one they had
     * already given (the same button clicked again).
     *
     * @return the verdict now stored, or empty when the click withdrew it
     */
    public Optional<Feedback> toggle(String user, String articleId, @Nullable String topic, Verdict verdict) {
        Optional<Feedback> current = store.find(user, articleId, topic);
        if (current.isPresent() && current.get().verdict() == verdict) {
            withdraw(user, articleId, topic);
            return Optional.empty();
        }
        return Optional.of(give(user, articleId, topic, verdict));
    }

    /**
     * Withdraws the user's verdict on this article and topic (null: the article-level one).
     *
     * @return false when they had none
     */
    public boolean withdraw(String user, String articleId, @Nullable String topic) {
        Boolean removed = transaction.execute(status -> {
            boolean deleted = store.delete(user, articleId, topic);
            if (deleted) {
                store.forgetTextIfUnused(articleId);
            }
            return deleted;
        });
        return Boolean.TRUE.equals(removed);
    }

    /** The user's own verdicts on an article: nobody sees another's. */
    public List<Feedback> mine(String user, String articleId) {
        return store.of(user, articleId);
    }

    /** The topics of the definitions in use, in their order. */
    List<String> topicIds() {
        return classifiers.current().topicDefinitions().ids();
    }

    private void check(Article article, @Nullable String topic, Verdict verdict) {
        if (verdict == Verdict.NOT_RELEVANT) {
            if (topic != null) {
                throw new FeedbackRefusedException(
                        "'topic' must be null for 'not_relevant': it is said of the whole article, was '" + topic
                                + "'");
            }
            return;
        }
        if (topic == null || topic.isBlank()) {
            throw new FeedbackRefusedException("'topic' is required for '" + verdict.code() + "'");
        }
        List<String> topics = topicIds();
        if (!topics.contains(topic)) {
            throw new FeedbackRefusedException(
                    "'topic' must be one of " + String.join(", ", topics) + ", was '" + topic + "'");
        }
        boolean labelled = article.topics().contains(topic);
        if (verdict == Verdict.MISSING && labelled) {
            throw new FeedbackRefusedException("'topic' " + topic
                    + " is already a label of this article: say 'right' or 'wrong' about it, not 'missing'");
        }
        if (verdict != Verdict.MISSING && !labelled) {
            throw new FeedbackRefusedException("'topic' " + topic + " is not a label of this article: '"
                    + verdict.code() + "' is said of a label it has; say 'missing' if it should have it");
        }
    }
}
