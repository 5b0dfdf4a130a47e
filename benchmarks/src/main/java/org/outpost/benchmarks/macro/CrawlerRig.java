package org.outpost.benchmarks.macro;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.CopyCandidates;
import org.outpost.crawler.CrawlerConfiguration;
import org.outpost.crawler.SourceService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The crawler as the app wires it (H2 with its migrations, the classifier, an index), in a plain
 * Spring context, with politeness turned off for a local server and limits raised for volume.
 */
final class CrawlerRig implements AutoCloseable {

    final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    CrawlerRig(ArticleIndex index, CopyCandidates copies, Path dataDir, Map<String, Object> extra) {
        DataSource dataSource =
                BenchDatabase.migrated("bench" + System.nanoTime(), "classpath:db/migration", "classpath:db/vendor/h2");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "outpost.data-dir", dataDir.toString(),
                "outpost.crawler.per-host-delay", "0s",
                "outpost.crawler.allow-private-addresses", "true",
                "outpost.crawler.default-sources", "false",
                "outpost.crawler.scheduler", "false",
                "outpost.crawler.max-pages-per-run", "2000000",
                "outpost.crawler.max-sitemaps", "5000",
                "outpost.crawler.startup-delay", "0s",
                "outpost.crawler.queue-drain-interval", "1h"));
        properties.putAll(extra);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench", properties));
        Classifier classifier = Classifier.defaults();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(ArticleIndex.class, () -> index);
        context.registerBean(CopyCandidates.class, () -> copies);
        context.registerBean("classifier", Supplier.class, () -> (Supplier<Classifier>) () -> classifier);
        context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        context.register(CrawlerConfiguration.class);
        context.refresh();
    }

    SourceService sources() {
        return context.getBean(SourceService.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
