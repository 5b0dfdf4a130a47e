package org.outpost.core.index;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Sends a page's independent index requests at once, so the page waits for the slowest of them
 * rather than for their sum. The requests spend their time waiting on the cluster, which serves
 * them on its own search threads, so each runs on a virtual thread.
 */
public final class Fanout {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private Fanout() {}

    /** Starts a request; {@link #join} its answer. */
    public static <T> CompletableFuture<T> start(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, THREADS);
    }

    /**
     * The request's answer, or the exception it threw, as it threw it (an {@link
     * IndexUnavailableException} stays one, so callers handle a fanned-out request like a direct one).
     */
    public static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
