package org.outpost.crawler;

import java.sql.Timestamp;
import java.time.Instant;
import org.outpost.crawler.schedule.CrawlScheduler;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.crawler.source.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On start: adds the default sources once (disabled), and gives every source its Quartz job. */
@Component
@Order(5)
class CrawlerStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CrawlerStartup.class);
    private static final String DEFAULTS_STEP = "default-sources-v";

    private final SourceRepository sources;
    private final CrawlScheduler scheduler;
    private final CrawlerProperties properties;
    private final JdbcClient jdbc;

    CrawlerStartup(SourceRepository sources, CrawlScheduler scheduler, CrawlerProperties properties, JdbcClient jdbc) {
        this.sources = sources;
        this.scheduler = scheduler;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.defaultSources()) {
            addDefaultsOnce();
        }
        sources.findAll().forEach(scheduler::schedule);
    }

    /**
     * Each version of the default list once per database: a default source an admin deleted stays deleted, and
     * sources added to the list later (the region's Russian-language outlets in version 2) still arrive.
     */
    void addDefaultsOnce() {
        for (int version = 1; version <= DefaultSources.latestVersion(); version++) {
            try {
                jdbc.sql("insert into crawler_setup (step, applied_at) values (?, ?)")
                        .params(DEFAULTS_STEP + version, Timestamp.from(Instant.now()))
                        .update();
            } catch (DuplicateKeyException e) {
                continue; // done before, here or by another instance
            }
            int added = 0;
            for (SourceDefinition definition : DefaultSources.since(version)) {
                if (sources.findByName(definition.name()).isEmpty()) {
                    sources.insert(definition.validate(), null);
                    added++;
                }
            }
            log.info(
                    "Added {} default sources (list version {}), disabled until an admin enables them", added, version);
        }
    }
}
