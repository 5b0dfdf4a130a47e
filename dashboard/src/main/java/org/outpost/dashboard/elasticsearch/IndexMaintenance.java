package org.outpost.dashboard.elasticsearch;

import java.time.Instant;
import org.outpost.core.index.IndexRetention;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.MappingUpgrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily care of the article indices: periods past the retention dropped, closed ones frozen, and the indices of
 * mapping versions the read alias left behind deleted (a day at least after the switch, so every instance has long
 * stopped writing to them). Every step is idempotent (deleting what is gone, freezing what is frozen), so several
 * instances may run it at the same time without a claim.
 */
@Component
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final IndexRetention retention;
    private final MappingUpgrade upgrade;
    private final ElasticsearchProperties.Index settings;

    IndexMaintenance(IndexRetention retention, MappingUpgrade upgrade, ElasticsearchProperties properties) {
        this.retention = retention;
        this.upgrade = upgrade;
        this.settings = properties.index();
    }

    @Scheduled(cron = "0 47 2 * * *")
    void daily() {
        run(Instant.now());
    }

    /** @return what retention did, null when Elasticsearch did not answer (tried again tomorrow) */
    IndexRetention.@org.jspecify.annotations.Nullable Outcome run(Instant now) {
        try {
            IndexRetention.Outcome outcome = retention.apply(settings.retention(), settings.forceMergeAfter(), now);
            if (!upgrade.pending()) {
                upgrade.dropOldVersions();
            }
            return outcome;
        } catch (IndexUnavailableException e) {
            log.warn("Index maintenance skipped: {}", e.getMessage());
            return null;
        }
    }
}
