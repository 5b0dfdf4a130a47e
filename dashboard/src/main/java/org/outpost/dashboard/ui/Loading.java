package org.outpost.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slow reads (aggregations over the whole index) off the request thread: an indeterminate
 * progress bar shows while the work runs, and the result is drawn through {@link UI#access} once
 * it is there (the app pushes), so the page stays usable meanwhile. Only the latest load draws:
 * an answer that arrives after a newer load was started is dropped, so quick changes of a filter
 * never end with an older result on screen.
 */
public final class Loading {

    // virtual threads: the work waits on Elasticsearch, and a platform thread per waiting tab is waste
    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private final ProgressBar indicator = new ProgressBar();
    private long latest;
    private CompletableFuture<?> pending = CompletableFuture.completedFuture(null);

    public Loading(String label) {
        indicator.setIndeterminate(true);
        indicator.setVisible(false);
        indicator.addClassName("loading");
        indicator.getElement().setAttribute("aria-label", label);
    }

    /** The progress bar: visible while a load runs. */
    public ProgressBar indicator() {
        return indicator;
    }

    public boolean isLoading() {
        return indicator.isVisible();
    }

    /**
     * Runs {@code work} in the background and hands its result to {@code draw} (or its failure to
     * {@code failed}) in the UI, unless a newer load was started in the meantime.
     */
    public <T> void load(
            UI ui,
            SerializableSupplier<T> work,
            SerializableConsumer<T> draw,
            SerializableConsumer<RuntimeException> failed) {
        long mine = ++latest;
        indicator.setVisible(true);
        pending = CompletableFuture.supplyAsync(work, WORKERS)
                .handle((result, error) -> ui.access(() -> {
                    if (mine != latest) {
                        return;
                    }
                    indicator.setVisible(false);
                    if (error == null) {
                        draw.accept(result);
                    } else {
                        failed.accept(unwrap(error));
                    }
                }));
    }

    /** Forgets a load under way: its result is not drawn (the view shows something else now). */
    public void cancel() {
        latest++;
        indicator.setVisible(false);
    }

    /** Done once the latest result has been handed to the UI (drawn, or queued for the UI's lock). */
    public CompletableFuture<?> pending() {
        return pending;
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
