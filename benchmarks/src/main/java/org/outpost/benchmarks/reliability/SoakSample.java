package org.outpost.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * One look at the running app during the soak, from its actuator metrics and the kernel. NaN
 * means the value could not be read (the app did not answer, or the meter does not exist).
 *
 * @param fullGc whether a full GC was forced (jcmd GC.run) just before, so heap used is the live heap
 * @param liveData Micrometer's {@code jvm.gc.live.data.size}: old generation after the last collection that shrank it
 * @param articles articles indexed so far ({@code outpost.ingest.articles}, outcomes new and duplicate: copies are
 *     documents of their own)
 * @param stories what the articles API counts (copies folded into their original)
 */
record SoakSample(
        Duration at,
        boolean alive,
        String health,
        boolean fullGc,
        double liveData,
        double heapUsed,
        double threadsLive,
        double threadsPeak,
        double filesOpen,
        double rssBytes,
        double articles,
        double stories,
        double queueDepth) {

    static final String CSV_HEADER = "seconds,alive,health,full_gc,live_data_mb,heap_used_mb,threads_live,threads_peak,"
            + "files_open,rss_mb,articles,stories,queue_depth";

    static SoakSample take(AppProcess app, Duration at, boolean forceFullGc) {
        if (!app.isAlive()) {
            return new SoakSample(
                    at,
                    false,
                    "DOWN",
                    false,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
        }
        boolean gc = forceFullGc && fullGc(app.pid());
        OutpostApi api = app.api();
        return new SoakSample(
                at,
                true,
                health(api),
                gc,
                metric(api, "jvm.gc.live.data.size"),
                metric(api, "jvm.memory.used", "area:heap"),
                metric(api, "jvm.threads.live"),
                metric(api, "jvm.threads.peak"),
                metric(api, "process.files.open"),
                rss(app.pid()),
                indexed(api),
                stories(api),
                metric(api, "outpost.ingest.queue.depth"));
    }

    String csv() {
        return String.format(
                Locale.ROOT,
                "%d,%b,%s,%b,%.1f,%.1f,%.0f,%.0f,%.0f,%.1f,%.0f,%.0f,%.0f",
                at.toSeconds(),
                alive,
                health,
                fullGc,
                mb(liveData),
                mb(heapUsed),
                threadsLive,
                threadsPeak,
                filesOpen,
                mb(rssBytes),
                articles,
                stories,
                queueDepth);
    }

    static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    /** {@code jcmd <pid> GC.run}: a System.gc() in the app, which G1 runs as a full, compacting collection. */
    private static boolean fullGc(long pid) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String health(OutpostApi api) {
        try {
            return api.get("/actuator/health").body().path("status").asText("?");
        } catch (RuntimeException e) {
            return "NO_ANSWER";
        }
    }

    private static double metric(OutpostApi api, String name, String... tags) {
        try {
            return api.metric(name, tags);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double indexed(OutpostApi api) {
        return orZero(metric(api, "outpost.ingest.articles", "outcome:new"))
                + orZero(metric(api, "outpost.ingest.articles", "outcome:duplicate"));
    }

    /** A counter that has not counted yet does not exist. */
    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double stories(OutpostApi api) {
        try {
            OutpostApi.Response r = api.get("/api/v1/articles?size=1");
            return r.status() == 200 ? r.body().path("total").asDouble() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident memory of the app's JVM (heap, metaspace, threads, direct buffers), from /proc. */
    private static double rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the process is gone: NaN below
        }
        return Double.NaN;
    }
}
