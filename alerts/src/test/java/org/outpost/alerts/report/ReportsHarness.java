package org.outpost.alerts.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsConfiguration;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.core.classify.Classifier;
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
 * every {@code db/migration} migration on the classpath, the real test Elasticsearch node, the
 * bundled topics, and a mail sender on GreenMail's port (or none: no SMTP configured). Two
 * harnesses over one database name are two app instances.
 */
final class ReportsHarness implements AutoCloseable {

    private static final Classifier CLASSIFIER = Classifier.defaults();

    final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    final JdbcClient jdbc;

    /** @param smtpPort GreenMail's SMTP port, or null for an app without email */
    ReportsHarness(String database, ArticleIndex index, @Nullable Integer smtpPort) {
        this(database, index, smtpPort, Map.of());
    }

    /** @param overrides properties on top of the test defaults (the scheduler is off unless turned on here) */
    ReportsHarness(String database, ArticleIndex index, @Nullable Integer smtpPort, Map<String, Object> overrides) {
        this(database, index, smtpPort, overrides, null);
    }

    /** @param readers the app's reader languages, or null for the module's default (English for all) */
    ReportsHarness(
            String database,
            ArticleIndex index,
            @Nullable Integer smtpPort,
            Map<String, Object> overrides,
            @Nullable ReaderLanguages readers) {
        this(database, index, smtpPort, overrides, readers, context -> {});
    }

    /** @param appBeans registers beans the app would provide (its {@code ReaderProfiles}, {@code AccountStates}) */
    ReportsHarness(
            String database,
            ArticleIndex index,
            @Nullable Integer smtpPort,
            Map<String, Object> overrides,
            @Nullable ReaderLanguages readers,
            java.util.function.Consumer<AnnotationConfigApplicationContext> appBeans) {
        DataSource dataSource = TestDatabases.dataSource(database);
        jdbc = JdbcClient.create(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        // the dashboard's user table (its V1 migration is not on this module's classpath)
        jdbc.sql("create table if not exists users (username varchar(50) not null primary key,"
                        + " password varchar(500) not null, enabled boolean not null)")
                .update();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "outpost.alerts.public-url", "https://outpost.example.org",
                "outpost.alerts.mail-from", "Outpost <reports@outpost.example.org>",
                "outpost.reports.scheduler", "false",
                "outpost.alerts.secret-key", org.outpost.alerts.AlertsHarness.TEST_KEY));
        properties.putAll(overrides);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.registerBean(ArticleIndex.class, () -> index);
        context.registerBean(
                ArticleSearch.class,
                () -> new ArticleSearch(TestElasticsearch.connection().client(), index.alias()));
        context.registerBean(
                ArticleStats.class,
                () -> new ArticleStats(TestElasticsearch.connection().client(), index.alias()));
        context.registerBean("classifier", Supplier.class, () -> (Supplier<Classifier>) () -> CLASSIFIER);
        context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        if (smtpPort != null) {
            context.registerBean(JavaMailSender.class, () -> {
                JavaMailSenderImpl sender = new JavaMailSenderImpl();
                sender.setHost("127.0.0.1");
                sender.setPort(smtpPort);
                return sender;
            });
        }
        if (readers != null) {
            context.registerBean(ReaderLanguages.class, () -> readers);
        }
        appBeans.accept(context);
        context.register(AlertsConfiguration.class);
        context.refresh();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ReportService reports() {
        return bean(ReportService.class);
    }

    void addUser(String name) {
        jdbc.sql("insert into users (username, password, enabled) values (?, '{noop}x', true)")
                .param(name)
                .update();
    }

    /** What the recipient's click on the confirmation link does (issue 15), for tests about something else. */
    void confirm(String owner, String address) {
        jdbc.sql("insert into alert_email_confirmation (owner, address, created_at, confirmed_at)"
                        + " values (?, ?, current_timestamp, current_timestamp)")
                .params(owner, address)
                .update();
    }

    @Override
    public void close() {
        context.close();
    }
}
