package org.outpost.crawler.crawl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.CrawlerConfiguration;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The crawler module as the app wires it, in a plain Spring context: a real H2 database with
 * the module's Flyway migrations, the real test Elasticsearch node, a real classifier. Closing
 * and reopening one over the same database and index is an app restart.
 */
public final class CrawlerHarness implements AutoCloseable {

    private static final Classifier CLASSIFIER = Classifier.defaults();

    public final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    final List<ArticleIndexed> events = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    public CrawlerHarness(String database, ArticleIndex index, Path dataDir, Map<String, Object> properties) {
        DataSource dataSource = TestDatabases.dataSource(database);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        Map<String, Object> all = new java.util.HashMap<>(Map.of(
                "outpost.data-dir", dataDir.toString(),
                "outpost.crawler.per-host-delay", "0s",
                "outpost.crawler.read-timeout", "2s",
                "outpost.crawler.allow-private-addresses", "true",
                "outpost.crawler.default-sources", "false",
                "outpost.crawler.startup-delay", "0s",
                "outpost.crawler.scheduler", "false",
                "outpost.crawler.cluster-checkin", "1s",
                "outpost.crawler.queue-drain-interval", "1h"));
        all.putAll(properties);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", all));
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(ArticleIndex.class, () -> index);
        context.registerBean(
                org.outpost.core.index.CopyCandidates.class,
                () -> new org.outpost.core.index.CopyCandidates(
                        org.outpost.core.elasticsearch.TestElasticsearch.connection()
                                .client(),
                        index.alias()));
        context.registerBean("classifier", Supplier.class, () -> (Supplier<Classifier>) () -> CLASSIFIER);
        context.registerBean(MeterRegistry.class, () -> meters);
        context.addApplicationListener(
                (ApplicationListener<org.springframework.context.PayloadApplicationEvent<?>>) e -> {
                    if (e.getPayload() instanceof ArticleIndexed indexed) {
                        events.add(indexed);
                    }
                });
        context.register(CrawlerConfiguration.class);
        context.refresh();
    }

    public SourceService sources() {
        return context.getBean(SourceService.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Source add(String name, String type, String url) {
        return add(new SourceDefinition(name, type, url, "PT1H", "UTC", false, null, null, null, true));
    }

    public Source add(SourceDefinition definition) {
        return sources().create(definition, new SourceService.Editor("admin", true));
    }

    @Override
    public void close() {
        context.close();
    }
}
