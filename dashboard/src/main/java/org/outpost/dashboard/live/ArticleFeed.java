package org.outpost.dashboard.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands every newly indexed article (not copies, not updates) to the open pages that asked for
 * them: those indexed by this instance from its own event, those of other instances from
 * {@link LivePoller}. A page subscribes when attached and unsubscribes when detached; a failing
 * page does not stop the others.
 */
@Component
public class ArticleFeed {

    private static final Logger log = LoggerFactory.getLogger(ArticleFeed.class);

    private final List<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<Article> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** After the crawler's transaction commits, on a task thread: a slow page never holds up a crawl. */
    @Async
    @TransactionalEventListener
    void on(ArticleIndexed event) {
        if (event.change() == ArticleIndexed.Change.NEW) {
            deliver(event.article());
        }
    }

    void deliver(Article article) {
        for (Consumer<Article> listener : listeners) {
            try {
                listener.accept(article);
            } catch (RuntimeException e) {
                log.debug("A page could not take a new article: {}", e.toString());
            }
        }
    }

    int subscribers() {
        return listeners.size();
    }
}
