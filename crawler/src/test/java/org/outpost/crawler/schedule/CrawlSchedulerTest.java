package org.outpost.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Deleting a source while its "run now" trigger fires: Quartz's delete of the job fails when one
 * of the triggers it listed was removed meanwhile. The fault is injected around a real scheduler.
 */
class CrawlSchedulerTest {

    private final Scheduler quartz = ramScheduler();

    @AfterEach
    void stop() throws SchedulerException {
        quartz.shutdown();
    }

    @Test
    void aDeleteThatRacesAFiringTriggerIsTriedAgainAndTheJobIsGone() throws Exception {
        JobKey key = addJob(7);
        AtomicInteger deletes = new AtomicInteger();
        CrawlScheduler scheduler = scheduler(failingDeletes(deletes, 1));

        scheduler.unschedule(7);

        assertThat(deletes).hasValue(2);
        assertThat(quartz.checkExists(key)).isFalse();
    }

    @Test
    void aStoreThatKeepsFailingIsReportedNamingTheSource() throws Exception {
        addJob(8);
        CrawlScheduler scheduler = scheduler(failingDeletes(new AtomicInteger(), Integer.MAX_VALUE));

        assertThatThrownBy(() -> scheduler.unschedule(8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source 8");
    }

    /** The paces are never read by a delete: a database that is never reached stands in. */
    private static CrawlScheduler scheduler(Scheduler quartz) {
        PaceSettings pace = PaceLearnerTest.SETTINGS;
        return new CrawlScheduler(
                quartz,
                new PaceRepository(org.springframework.jdbc.core.simple.JdbcClient.create(
                        new org.springframework.jdbc.datasource.SimpleDriverDataSource())),
                pace);
    }

    private JobKey addJob(long sourceId) throws SchedulerException {
        JobKey key = CrawlScheduler.jobKey(sourceId);
        quartz.addJob(
                JobBuilder.newJob(CrawlJob.class)
                        .withIdentity(key)
                        .storeDurably()
                        .build(),
                true);
        return key;
    }

    /** The real scheduler, whose first {@code failures} deletes fail as Quartz's race does. */
    private Scheduler failingDeletes(AtomicInteger deletes, int failures) {
        return (Scheduler) Proxy.newProxyInstance(
                Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class}, (proxy, method, args) -> {
                    if (method.getName().equals("deleteJob") && deletes.incrementAndGet() <= failures) {
                        throw new JobPersistenceException("Unable to unschedule trigger [DEFAULT.MT_x]");
                    }
                    try {
                        return method.invoke(quartz, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Scheduler ramScheduler() {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "test-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        try {
            return new StdSchedulerFactory(properties).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
