package org.outpost.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's job store on this run's database with the delegate the app chooses for it: on
 * PostgreSQL the job data is a {@code bytea}, which only {@link PostgreSQLDelegate} reads back.
 */
@Tag(TestDatabases.TAG)
class QuartzDelegateTest {

    @Test
    void theDelegateFitsTheDatabaseAndAStoredJobReadsBack() throws Exception {
        String name = "quartz-" + UUID.randomUUID();
        DataSource dataSource = TestDatabases.dataSource(name);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        String delegate = QuartzConfiguration.delegateFor(dataSource);
        assertThat(delegate)
                .isEqualTo(
                        TestDatabases.postgresql()
                                ? PostgreSQLDelegate.class.getName()
                                : StdJDBCDelegate.class.getName());

        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {}

            @Override
            public void initialize() {}
        });
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(name);
        store.setDriverDelegateClass(delegate);
        store.setIsClustered(true);
        SimpleThreadPool threads = new SimpleThreadPool(1, Thread.NORM_PRIORITY);
        DirectSchedulerFactory.getInstance().createScheduler(name, "test-instance", threads, store);
        Scheduler quartz = DirectSchedulerFactory.getInstance().getScheduler(name);
        try {
            JobKey key = CrawlScheduler.jobKey(42);
            quartz.addJob(
                    JobBuilder.newJob(CrawlJob.class)
                            .withIdentity(key)
                            .usingJobData(CrawlJob.SOURCE_ID, 42L)
                            .storeDurably()
                            .build(),
                    false);
            assertThat(quartz.getJobDetail(key).getJobDataMap().getLong(CrawlJob.SOURCE_ID))
                    .isEqualTo(42L);
        } finally {
            quartz.shutdown();
        }
    }
}
