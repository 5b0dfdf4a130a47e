package org.outpost.dashboard.cache;

import org.outpost.core.article.ArticleIndexed;
import org.outpost.dashboard.live.ArticlesIndexedElsewhere;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When new articles were last announced, by this instance's ingest ({@link ArticleIndexed}) or by another
 * instance's (its {@code live_event} rows, read by the live poll): the caches ask it whether an answer may lack
 * them.
 */
@Component
public class IngestNotices {

    private final long searchableAfter;
    private volatile boolean announced;
    /** {@link System#nanoTime()} of the latest announcement: compared by subtraction, as nano times must be. */
    private volatile long latest;

    IngestNotices(CacheProperties properties) {
        this.searchableAfter = properties.searchableAfter().toNanos();
    }

    /** A plain listener, at the crawler's publishing: it only notes the time, and the sooner the better. */
    @EventListener
    void on(ArticleIndexed event) {
        if (event.change() != ArticleIndexed.Change.UNCHANGED) {
            articlesArrived();
        }
    }

    @EventListener
    void on(ArticlesIndexedElsewhere event) {
        articlesArrived();
    }

    /** New or changed articles are in the index now, or will be once it refreshes. */
    public void articlesArrived() {
        latest = System.nanoTime();
        announced = true;
    }

    /**
     * Whether an answer whose counting began at {@code started} (a nano time) may lack announced articles: it
     * began before the latest announced ones were surely searchable.
     */
    boolean mayLackArticles(long started) {
        return announced && started - (latest + searchableAfter) < 0;
    }
}
