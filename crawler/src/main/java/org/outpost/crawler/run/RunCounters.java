package org.outpost.crawler.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a run in progress has done so far; updated from the crawl and ingest threads. */
public final class RunCounters {

    final AtomicInteger pagesFetched = new AtomicInteger();
    final AtomicLong bytesFetched = new AtomicLong();
    final AtomicInteger articlesNew = new AtomicInteger();
    final AtomicInteger articlesUpdated = new AtomicInteger();
    final AtomicInteger articlesUnchanged = new AtomicInteger();
    final AtomicInteger articlesDuplicate = new AtomicInteger();
    final AtomicInteger articlesQueued = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();

    public void fetched(long bytes) {
        pagesFetched.incrementAndGet();
        bytesFetched.addAndGet(bytes);
    }

    public void newArticle() {
        articlesNew.incrementAndGet();
    }

    public void updated() {
        articlesUpdated.incrementAndGet();
    }

    public void unchanged() {
        articlesUnchanged.incrementAndGet();
    }

    public void duplicate() {
        articlesDuplicate.incrementAndGet();
    }

    public void queued() {
        articlesQueued.incrementAndGet();
    }

    public void error() {
        errors.incrementAndGet();
    }

    public int errors() {
        return errors.get();
    }

    public int articlesQueued() {
        return articlesQueued.get();
    }

    public int pagesFetched() {
        return pagesFetched.get();
    }

    public int indexedOrKnown() {
        return articlesNew.get() + articlesUpdated.get() + articlesUnchanged.get() + articlesDuplicate.get();
    }
}
