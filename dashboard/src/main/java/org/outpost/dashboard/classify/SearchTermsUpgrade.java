package org.outpost.dashboard.classify;

import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Articles indexed by an Outpost that did not yet detect languages or store the search terms of their text are
 * invisible to text queries and carry English-only scores. At start, such an index is re-scored in the background
 * (language detected again, topics and entities in every language, search terms written), once; the dashboard
 * works meanwhile and the status page shows the progress.
 */
@Component
class SearchTermsUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SearchTermsUpgrade.class);

    private final ArticleIndex index;
    private final RescoreService rescore;

    SearchTermsUpgrade(ArticleIndex index, RescoreService rescore) {
        this.index = index;
        this.rescore = rescore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        upgradeIfNeeded();
    }

    /** @return whether re-scoring was started */
    boolean upgradeIfNeeded() {
        try {
            long stale = index.countWithoutSearchTerms();
            if (stale == 0) {
                return false;
            }
            log.info(
                    "{} articles were indexed without language detection and search terms: re-scoring the index",
                    stale);
            rescore.start();
            return true;
        } catch (IndexUnavailableException e) {
            log.warn("Could not check the index for articles to re-analyse: {}", e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            log.info("Re-scoring already running: {}", e.getMessage());
            return false;
        }
    }
}
