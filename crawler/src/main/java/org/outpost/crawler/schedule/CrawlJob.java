package org.outpost.crawler.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import org.outpost.crawler.crawl.SourceCrawler;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.SourceNotFoundException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one source. Quartz never runs two of one source at once, in this instance
 * or any other of the cluster ({@link DisallowConcurrentExecution} in the JDBC store).
 */
@DisallowConcurrentExecution
public class CrawlJob implements InterruptableJob {

    static final String SOURCE_ID = "sourceId";
    static final String TRIGGER = "trigger";
    private static final Logger log = LoggerFactory.getLogger(CrawlJob.class);

    private final SourceCrawler crawler;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public CrawlJob(SourceCrawler crawler) {
        this.crawler = crawler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long sourceId = context.getMergedJobDataMap().getLong(SOURCE_ID);
        RunTrigger trigger = context.isRecovering() ? RunTrigger.RECOVERY
                : context.getMergedJobDataMap().containsKey(TRIGGER)
                        ? RunTrigger.valueOf(context.getMergedJobDataMap().getString(TRIGGER)) : RunTrigger.SCHEDULE;
        try {
            crawler.crawl(sourceId, trigger, interrupted::get);
        } catch (SourceNotFoundException e) {
            log.info("Source {} was deleted; its job ends", sourceId);
        }
    }

    @Override
    public void interrupt() {
        interrupted.set(true);
    }
}
