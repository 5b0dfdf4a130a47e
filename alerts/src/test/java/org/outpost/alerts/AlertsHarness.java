package org.outpost.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.postgres.TestDatabases;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The alerts module as the app wires it, in a plain Spring context: a real H2 database with
 * the module's Flyway migrations, the real test Elasticsearch node, a real SMTP client pointed
 * at the test's mail server. Two harnesses on one database are two app instances; closing one
 * and opening another is a restart.
 */
public final class AlertsHarness implements AutoCloseable {

    public final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The key of webhook URLs and secrets in the database: 32 bytes, base64. */
    public static final String TEST_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    public AlertsHarness(
            String database, ArticleIndex index, Clock clock, int smtpPort, Map<String, Object> properties) {
        this(database, index, clock, smtpPort, properties, null);
    }

    /** @param readers the app's reader languages, or null for the module's default (English for all) */
    public AlertsHarness(
            String database,
            ArticleIndex index,
            Clock clock,
            int smtpPort,
            Map<String, Object> properties,
            @org.jspecify.annotations.Nullable ReaderLanguages readers) {
        this(database, index, clock, smtpPort, properties, readers, null);
    }

    /** @param accounts the app's account states, or null for the module's default (every owner active) */
    public AlertsHarness(
            String database,
            ArticleIndex index,
            Clock clock,
            int smtpPort,
            Map<String, Object> properties,
            @org.jspecify.annotations.Nullable ReaderLanguages readers,
            @org.jspecify.annotations.Nullable AccountStates accounts) {
        this(database, index, clock, smtpPort, properties, readers, accounts, c -> {});
    }

    /** @param profiles the app's reader profiles (quiet hours, addresses), or null for the module's default (none) */
    public AlertsHarness(
            String database,
            ArticleIndex index,
            Clock clock,
            int smtpPort,
            Map<String, Object> properties,
            @org.jspecify.annotations.Nullable ReaderLanguages readers,
            @org.jspecify.annotations.Nullable AccountStates accounts,
            @org.jspecify.annotations.Nullable ReaderProfiles profiles) {
        this(database, index, clock, smtpPort, properties, readers, accounts, c -> {
            if (profiles != null) {
                c.registerBean(ReaderProfiles.class, () -> profiles);
            }
        });
    }

    /** @param beans registers more of the app's beans (its ports: source health readers, profiles) before the start */
    public AlertsHarness(
            String database,
            ArticleIndex index,
            Clock clock,
            int smtpPort,
            Map<String, Object> properties,
            @org.jspecify.annotations.Nullable ReaderLanguages readers,
            @org.jspecify.annotations.Nullable AccountStates accounts,
            java.util.function.Consumer<AnnotationConfigApplicationContext> beans) {
        DataSource dataSource = TestDatabases.dataSource(database);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        Map<String, Object> all = new HashMap<>(Map.of(
                "outpost.alerts.public-url", "https://outpost.example",
                "outpost.alerts.allow-private-webhooks", "true",
                "outpost.alerts.scheduler", "false",
                "outpost.alerts.retry-delay", "10s",
                "outpost.alerts.max-attempts", "5",
                // what instances sharing a database are given: one key
                "outpost.alerts.secret-key", TEST_KEY));
        all.putAll(properties);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", all));
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        // what the app's transaction auto-configuration registers: the matcher listens after the publisher commits
        context.registerBean(org.springframework.transaction.event.TransactionalEventListenerFactory.class);
        context.registerBean(ArticleIndex.class, () -> index);
        context.registerBean(
                ArticleSearch.class,
                () -> new ArticleSearch(TestElasticsearch.connection().client(), index.alias()));
        context.registerBean(
                ArticleStats.class,
                () -> new ArticleStats(TestElasticsearch.connection().client(), index.alias()));
        context.registerBean(MeterRegistry.class, () -> meters);
        context.registerBean(Clock.class, () -> clock);
        context.registerBean(JavaMailSender.class, () -> {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(smtpPort);
            Properties p = new Properties();
            p.put("mail.smtp.connectiontimeout", "2000");
            p.put("mail.smtp.timeout", "5000");
            mail.setJavaMailProperties(p);
            return mail;
        });
        if (readers != null) {
            context.registerBean(ReaderLanguages.class, () -> readers);
        }
        if (accounts != null) {
            context.registerBean(AccountStates.class, () -> accounts);
        }
        beans.accept(context);
        context.register(AlertsConfiguration.class);
        context.refresh();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * What the crawler does once an article is in the index: publishes in a transaction, and the
     * matcher runs after it commits (on this thread here: the harness enables no async executor).
     */
    public void indexed(Article article, ArticleIndexed.Change change) {
        new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(tx -> context.publishEvent(new ArticleIndexed(article, change)));
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
