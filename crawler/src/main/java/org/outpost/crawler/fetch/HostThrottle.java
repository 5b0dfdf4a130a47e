package org.outpost.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, with a pause between them; different hosts never wait for each
 * other.
 *
 * <p>The map keeps one small entry per host ever fetched; for a news monitor's few thousand
 * sources that is negligible, so there is no eviction.
 */
final class HostThrottle {

    /** Held for the duration of one request; closing it starts the host's pause. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private static final class HostState {
        // Fair, so a queue of workers for one busy host is served in arrival order.
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEndNanos;
        boolean used;
    }

    private final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();

    Slot acquire(String hostKey, Duration delay) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(hostKey, k -> new HostState());
        state.lock.lockInterruptibly();
        try {
            if (state.used) {
                long wait = state.lastEndNanos + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            state.lock.unlock();
            throw e;
        }
        return () -> {
            // Measured from the end of the request, so a slow response does not eat into the pause.
            state.lastEndNanos = System.nanoTime();
            state.used = true;
            state.lock.unlock();
        };
    }
}
