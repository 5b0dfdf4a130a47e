package org.outpost.benchmarks.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * The app's heap and threads, read from its own Micrometer meters every few seconds while a phase
 * runs: heap in use (all heap pools), live data after the last full or mixed collection (what
 * the heap must hold; "in use" also counts garbage not collected yet), live threads.
 */
final class HeapSampler implements AutoCloseable {

    record Sample(double usedMb, double liveDataMb, int threads) {}

    private final OutpostApi api;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private int failures;

    HeapSampler(OutpostApi api, long periodSeconds) {
        this.api = api;
        timer.scheduleAtFixedRate(this::sample, 0, periodSeconds, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            Sample s = read(api);
            synchronized (samples) {
                samples.add(s);
            }
        } catch (RuntimeException e) {
            synchronized (samples) {
                failures++;
            }
        }
    }

    static Sample read(OutpostApi api) {
        return new Sample(
                api.metric("jvm.memory.used", "area:heap") / 1e6, api.metric("jvm.gc.live.data.size") / 1e6, (int)
                        api.metric("jvm.threads.live"));
    }

    /** Heap max as the JVM reports it (all heap pools), in MB. */
    static double maxMb(OutpostApi api) {
        return api.metric("jvm.memory.max", "area:heap") / 1e6;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    int failures() {
        synchronized (samples) {
            return failures;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    String row(String phase) {
        List<Sample> all = samples();
        if (all.isEmpty()) {
            return "| " + phase + " | 0 | | | | | |";
        }
        double[] used = all.stream().mapToDouble(Sample::usedMb).sorted().toArray();
        double maxLive = all.stream().mapToDouble(Sample::liveDataMb).max().orElse(Double.NaN);
        Sample last = all.getLast();
        int maxThreads = all.stream().mapToInt(Sample::threads).max().orElse(0);
        return String.format(
                "| %s | %d | %.0f | %.0f | %.0f | %.0f | %d / %d |",
                phase,
                all.size(),
                used[used.length / 2],
                used[used.length - 1],
                maxLive,
                last.liveDataMb(),
                last.threads(),
                maxThreads);
    }

    static String header() {
        return "| phase | samples | heap in use p50 MB | heap in use max MB | live data max MB | live data at end MB | threads at end / max |\n"
                + "|---|---:|---:|---:|---:|---:|---:|";
    }
}
