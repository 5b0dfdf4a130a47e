package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.outpost.core.article.Article;

/**
 * Articles of one run on their way to the index. Not thread-safe: one crawl thread fills it,
 * and the add that fills it does the indexing, which is the pipeline's back-pressure.
 */
public final class IngestBatch implements AutoCloseable {

    private final IngestPipeline pipeline;
    private final int size;
    private final List<IngestPipeline.Pending> pending = new ArrayList<>();

    IngestBatch(IngestPipeline pipeline, int size) {
        this.pipeline = pipeline;
        this.size = size;
    }

    /** Holds the article; runs the batch through the stages once it is full. */
    public void add(Article article, Consumer<IngestPipeline.Settled> whenSettled) {
        pending.add(new IngestPipeline.Pending(article, whenSettled));
        if (pending.size() >= size) {
            flush();
        }
    }

    public void flush() {
        List<IngestPipeline.Pending> batch = List.copyOf(pending);
        pending.clear();
        pipeline.ingest(batch);
    }

    @Override
    public void close() {
        flush();
    }
}
