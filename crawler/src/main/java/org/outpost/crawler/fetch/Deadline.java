package org.outpost.crawler.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the total time limit on reading a body. HttpClient's request timeout stops at the
 * response headers, so a server dripping one byte a second would otherwise hold the worker for
 * as long as it likes; when the time is up we close the stream, which aborts the exchange and
 * wakes the blocked reader.
 */
final class Deadline implements AutoCloseable {

    private final ScheduledFuture<?> task;
    private volatile boolean expired;
    private boolean finished;

    private Deadline(ScheduledExecutorService watchdog, long remainingNanos, Closeable stream) {
        this.task = watchdog.schedule(() -> fire(stream), Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
    }

    static Deadline arm(ScheduledExecutorService watchdog, long deadlineNanos, Closeable stream) {
        return new Deadline(watchdog, deadlineNanos - System.nanoTime(), stream);
    }

    private synchronized void fire(Closeable stream) {
        if (finished) {
            return;
        }
        expired = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // The exchange is being abandoned anyway.
        }
    }

    boolean expired() {
        return expired;
    }

    @Override
    public synchronized void close() {
        finished = true;
        task.cancel(false);
    }
}
