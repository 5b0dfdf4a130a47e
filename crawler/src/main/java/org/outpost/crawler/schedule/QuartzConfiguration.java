package org.outpost.crawler.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quartz with the JDBC job store in the app's database, clustered: app instances sharing a
 * database share the jobs, and a source's job runs on one instance at a time. The tables are
 * created by Flyway (Quartz's own scripts drop them first).
 */
@Configuration(proxyBeanMethods = false)
class QuartzConfiguration {

    @Bean
    SchedulerFactoryBean crawlSchedulerFactory(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ApplicationContext context,
            SchedulerSettings settings) {
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("outpost");
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setJobFactory(jobs);
        factory.setAutoStartup(settings.autoStart());
        factory.setStartupDelay((int) settings.startupDelay().toSeconds());
        // CrawlScheduler first asks running crawls to stop between pages; this waits for them to record it
        factory.setWaitForJobsToCompleteOnShutdown(true);
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckin().toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(dataSource));
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
        factory.setQuartzProperties(quartz);
        return factory;
    }

    static String delegateFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres")
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                    : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not reach the database to set up the scheduler: " + e.getMessage(), e);
        }
    }
}
