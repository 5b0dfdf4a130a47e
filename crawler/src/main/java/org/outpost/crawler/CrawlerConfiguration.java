package org.outpost.crawler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.outpost.crawler.crawl.CrawlSettings;
import org.outpost.crawler.fetch.FetchSettings;
import org.outpost.crawler.health.HealthSettings;
import org.outpost.crawler.ingest.IngestSettings;
import org.outpost.crawler.schedule.PaceSettings;
import org.outpost.crawler.schedule.SchedulerSettings;
import org.outpost.crawler.websub.WebSubSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The crawler module's beans, for the app to import. Needs a DataSource (with the module's
 * Flyway migrations applied), an ArticleIndex, a {@code Supplier<Classifier>} and a MeterRegistry.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableScheduling
@EnableConfigurationProperties(CrawlerProperties.class)
public class CrawlerConfiguration {

    @Bean
    FetchSettings fetchSettings(CrawlerProperties p) {
        return new FetchSettings(
                p.userAgent(),
                p.connectTimeout(),
                p.readTimeout(),
                p.maxBodyBytes(),
                p.maxRedirects(),
                p.perHostDelay(),
                p.allowPrivateAddresses());
    }

    @Bean
    CrawlSettings crawlSettings(CrawlerProperties p, @Value("${outpost.data-dir:./data}") Path dataDir) {
        // the data folder (where the sample corpus is unpacked) is always readable
        List<Path> roots = new ArrayList<>(p.folderRoots());
        roots.add(dataDir);
        return new CrawlSettings(
                p.maxPagesPerRun(),
                p.maxRetryWait(),
                p.pageAttempts(),
                roots,
                p.maxSitemaps(),
                p.benchmarkOnlyMinInterval());
    }

    @Bean
    IngestSettings ingestSettings(CrawlerProperties p) {
        return new IngestSettings(p.batchSize(), p.queueDrainInterval());
    }

    @Bean
    HealthSettings healthSettings(CrawlerProperties p) {
        // fifty articles are enough for a median, and bound the query per source
        return new HealthSettings(
                p.silenceGapMultiplier(),
                p.silenceMinimum(),
                p.silenceMinimumArticles(),
                p.silenceHistory(),
                50,
                Math.max(1, p.failedRunsInRow()));
    }

    @Bean
    PaceSettings paceSettings(CrawlerProperties p) {
        CrawlerProperties.Adaptive a = p.adaptive();
        // fifty articles are enough for a median, and bound the query per source
        return new PaceSettings(
                a.initialInterval(),
                a.minInterval(),
                a.maxInterval(),
                a.gapFraction(),
                a.minimumArticles(),
                a.history(),
                50,
                a.silenceFactor(),
                p.benchmarkOnlyMinInterval(),
                a.budgetInterval(),
                a.promptInterval());
    }

    @Bean
    WebSubSettings webSubSettings(CrawlerProperties p) {
        CrawlerProperties.WebSub w = p.websub();
        return new WebSubSettings(
                w.enabled(),
                w.callbackUri(),
                w.lease(),
                w.renewMargin(),
                w.backstopInterval(),
                p.maxBodyBytes(),
                p.allowPrivateAddresses(),
                p.readTimeout());
    }

    @Bean
    SchedulerSettings schedulerSettings(CrawlerProperties p) {
        return new SchedulerSettings(p.scheduler(), p.threads(), p.startupDelay(), p.clusterCheckin());
    }
}
