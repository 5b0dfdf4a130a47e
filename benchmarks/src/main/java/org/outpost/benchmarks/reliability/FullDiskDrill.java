package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.WorkloadServer;
import org.outpost.core.elasticsearch.DistributionLocator;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;

/**
 * The app's data folder (H2 database and app files) on a {@value #TMPFS_SIZE} tmpfs that fills up
 * mid-operation. Elasticsearch runs outside it, on the normal disk, started by the drill: the
 * fault under test is the app's own state, and an Elasticsearch node on a full disk is a
 * different drill (its flood-stage watermark makes the index read-only, which the ingest queue
 * already handles as "index unavailable"); the node's distribution alone would not fit either.
 * The app's log goes to the normal disk too, so the drill can read what it said.
 */
final class FullDiskDrill implements Drill {

    private static final String TMPFS_SIZE = "64m";
    private static final Duration FULL_FOR = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "full-disk";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "The data folder is a " + TMPFS_SIZE + " tmpfs. The app crawls a feed, "
                        + "then a filler file takes every free byte; for " + FULL_FOR.toSeconds()
                        + " s the drill keeps using the app "
                        + "(a crawl run, a new subscription, a new source) and watches health, the API and the log; then the filler "
                        + "goes, the app must recover without a restart, and after a restart the data from before must be intact. "
                        + "Elasticsearch runs on the normal disk (started by the drill).");
        Path mount = workDir.resolve("data");
        Files.createDirectories(mount);
        mount(mount);
        try (LocalElasticsearchNode es = LocalElasticsearchNode.start(
                        LocalNodeSettings.of(DistributionLocator.locate(null), workDir.resolve("elasticsearch"))
                                .withHeap("512m")
                                .withStartTimeout(Duration.ofMinutes(5)));
                WorkloadServer sites = new WorkloadServer(CorpusGenerator.standard(900, Instant.now()), 3);
                AppProcess app = AppProcess.in(mount)
                        .elasticsearch(es.httpUri())
                        .heap("1g")
                        .logFile(workDir.resolve("app.log"))
                        .set("outpost.crawler.per-host-delay", "100ms")
                        .startTimeout(Duration.ofMinutes(6))
                        .build()) {
            app.start();
            OutpostApi api = app.api();
            // before: one source crawled, one subscription
            Instant created = Instant.now();
            long before = createSource(api, "Before the fill", sites.url(0, "/feed.xml"));
            long subscription = createSubscription(api, "Before the fill")
                    .expect(201)
                    .body()
                    .path("id")
                    .asLong();
            JsonNode firstRun = awaitRun(api, before, created, Duration.ofMinutes(5));
            if (firstRun == null) {
                throw new IllegalStateException("the first crawl did not end within 5 min");
            }
            State stateBefore = State.read(api);
            result.note("Before the fill: " + stateBefore + "; first run "
                    + firstRun.path("status").asText() + ", "
                    + firstRun.path("articlesNew").asInt() + " new articles.");

            // the fault
            long freeBefore = Files.getFileStore(mount).getUsableSpace();
            Path filler = mount.resolve("filler.bin");
            long filled = fill(filler);
            long freeFull = Files.getFileStore(mount).getUsableSpace();
            result.note(String.format(
                    Locale.ROOT,
                    "Filled: %.1f MB free before, a %.1f MB filler, %d bytes free after.",
                    SoakSample.mb(freeBefore),
                    SoakSample.mb(filled),
                    freeFull));
            Instant fullAt = Instant.now();
            long during = createSourceOrMinusOne(api, "During the fill", sites.url(1, "/feed.xml"));
            OutpostApi.Response newSubscription = attempt(() -> createSubscription(api, "During the fill"));
            // a created source runs at once; if creating failed, the source from before is asked to run
            long duringCrawl = during >= 0 ? during : before;
            OutpostApi.Response runRequest = during >= 0
                    ? new OutpostApi.Response(
                            201, com.fasterxml.jackson.databind.node.TextNode.valueOf("run on creation"))
                    : attempt(() -> api.post("/api/v1/sources/" + before + "/run", ""));
            List<String> healthWhileFull = new ArrayList<>();
            int aliveSamples = 0;
            int samples = 0;
            Instant until = Instant.now().plus(FULL_FOR);
            while (Instant.now().isBefore(until)) {
                Thread.sleep(10_000);
                samples++;
                if (app.isAlive()) {
                    aliveSamples++;
                    healthWhileFull.add(anonymousHealth(app));
                }
            }
            JsonNode runWhileFull = lastRun(api, duringCrawl);
            if (runWhileFull != null && !startedAfter(runWhileFull, fullAt)) {
                runWhileFull = null; // the run from before; none was recorded since
            }
            long noSpaceLines = HostileInputsDrill.countInLog(app.log(), "No space left on device");
            String diskHealth = diskSpace(api);
            OutpostApi.Response signInWhileFull = attempt(() -> api.get("/api/v1/sources"));

            result.check(
                    "app process alive while the disk is full (every 10 s for " + FULL_FOR.toSeconds() + " s)",
                    samples + " of " + samples,
                    aliveSamples + " of " + samples,
                    aliveSamples == samples);
            boolean saidDown =
                    !healthWhileFull.isEmpty() && healthWhileFull.stream().allMatch(h -> h.startsWith("DOWN"));
            result.check(
                    "/actuator/health while full (anonymous: status only)",
                    "DOWN at every sample",
                    String.join(", ", healthWhileFull.stream().distinct().toList()),
                    saidDown);
            result.check(
                    "what health says to an admin while full",
                    "diskSpace DOWN, naming the data folder",
                    diskHealth,
                    diskHealth.startsWith("DOWN")
                            && diskHealth.contains(mount.getFileName().toString()));
            result.note("While full, an admin's GET /api/v1/sources answered " + signInWhileFull.status() + " "
                    + excerpt(signInWhileFull.body()) + ".");
            result.check(
                    "creating a subscription while full",
                    "refused (4xx/5xx), not 201",
                    newSubscription.status() + " " + excerpt(newSubscription.body()),
                    newSubscription.status() >= 400);
            result.check(
                    "creating a source while full",
                    "refused (4xx/5xx), not 201",
                    during >= 0 ? "201 (id " + during + ")" : "refused",
                    during < 0);
            result.check(
                    "the crawl run asked for while full",
                    "not reported as succeeded",
                    (during >= 0 ? "run of the new source" : "POST run → " + runRequest.status()) + ": "
                            + describeRun(runWhileFull),
                    runWhileFull == null
                            || !runWhileFull.path("status").asText().equals("succeeded"));
            result.check(
                    "the log names the cause",
                    "'No space left on device' at least once",
                    noSpaceLines + " lines",
                    noSpaceLines > 0);

            // space returns
            Files.delete(filler);
            Instant freed = Instant.now();
            String healthAfter = awaitHealth(app, "UP", Duration.ofMinutes(2));
            result.check(
                    "/actuator/health after the filler is deleted (no restart)",
                    "UP within 2 min",
                    healthAfter + " after "
                            + Duration.between(freed, Instant.now()).toSeconds() + " s",
                    healthAfter.startsWith("UP"));
            OutpostApi.Response signInAfter = attempt(() -> api.get("/api/v1/sources"));
            result.check(
                    "the API signs the admin in again (no restart)",
                    200,
                    signInAfter.status() + " " + excerpt(signInAfter.body()),
                    signInAfter.status() == 200);
            OutpostApi.Response subscriptionAfter = attempt(() -> createSubscription(api, "After the fill"));
            result.check(
                    "creating a subscription after space returns",
                    201,
                    subscriptionAfter.status() + " " + excerpt(subscriptionAfter.body()),
                    subscriptionAfter.status() == 201);
            Instant recreated = Instant.now();
            long after = createSourceOrMinusOne(api, "After the fill", sites.url(2, "/feed.xml"));
            JsonNode recoveredRun = after < 0 ? null : awaitRun(api, after, recreated, Duration.ofMinutes(5));
            result.check(
                    "a new source crawled after space returns",
                    "succeeded with new articles",
                    after < 0 ? "the source could not be created" : describeRun(recoveredRun),
                    recoveredRun != null
                            && recoveredRun.path("status").asText().equals("succeeded")
                            && recoveredRun.path("articlesNew").asInt() > 0);
            State stateRecovered = attemptState(api);

            // restart on the same folder
            app.stop();
            Instant restart = Instant.now();
            String restartError = null;
            try {
                app.start();
            } catch (RuntimeException e) {
                restartError = e.getMessage().lines().findFirst().orElse(e.toString());
            }
            result.check(
                    "the app restarts on the data folder (H2 opens, migrations validate)",
                    "ready",
                    restartError == null
                            ? "ready in "
                                    + Duration.between(restart, Instant.now()).toSeconds() + " s"
                            : restartError,
                    restartError == null);
            if (restartError == null) {
                State stateRestarted = attemptState(api);
                result.check(
                        "sources, subscriptions, runs and articles after the restart",
                        "as before the restart: " + stateRecovered,
                        String.valueOf(stateRestarted),
                        stateRestarted != null && stateRestarted.equals(stateRecovered));
                JsonNode firstRunAgain =
                        runById(api, before, firstRun.path("id").asLong());
                boolean intact = firstRunAgain != null
                        && firstRunAgain.path("status").equals(firstRun.path("status"))
                        && firstRunAgain.path("articlesNew").equals(firstRun.path("articlesNew"));
                boolean subscriptionThere =
                        api.get("/api/v1/subscriptions/" + subscription).status() == 200;
                result.check(
                        "data from before the fill intact (its source, run and subscription)",
                        "all present, run unchanged",
                        "source " + (api.get("/api/v1/sources/" + before).status() == 200 ? "present" : "missing")
                                + ", run " + (intact ? "unchanged" : "changed or missing: " + firstRunAgain)
                                + ", subscription " + (subscriptionThere ? "present" : "missing"),
                        intact
                                && subscriptionThere
                                && api.get("/api/v1/sources/" + before).status() == 200);
            }
        } finally {
            unmount(mount);
        }
        return result;
    }

    /** What the drill compares across the restart. */
    record State(int sources, int subscriptions, int runs, long articles) {

        static State read(OutpostApi api) {
            JsonNode sources = api.get("/api/v1/sources").expect(200).body();
            int runs = 0;
            for (JsonNode s : sources) {
                runs += api.get("/api/v1/sources/" + s.path("id").asLong() + "/runs?limit=200")
                        .expect(200)
                        .body()
                        .size();
            }
            int subscriptions =
                    api.get("/api/v1/subscriptions").expect(200).body().size();
            long articles = api.get("/api/v1/articles?size=1")
                    .expect(200)
                    .body()
                    .path("total")
                    .asLong();
            return new State(sources.size(), subscriptions, runs, articles);
        }

        @Override
        public String toString() {
            return sources + " sources, " + subscriptions + " subscriptions, " + runs + " runs, " + articles
                    + " articles";
        }
    }

    /** A call that may fail outright (no answer, an exception) as a response: status 0 and the reason. */
    private static OutpostApi.Response attempt(java.util.function.Supplier<OutpostApi.Response> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return new OutpostApi.Response(0, com.fasterxml.jackson.databind.node.TextNode.valueOf(e.toString()));
        }
    }

    private static State attemptState(OutpostApi api) {
        try {
            return State.read(api);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long createSource(OutpostApi api, String name, String url) {
        return api.post("/api/v1/sources", sourceBody(name, url))
                .expect(201)
                .body()
                .path("id")
                .asLong();
    }

    private static long createSourceOrMinusOne(OutpostApi api, String name, String url) {
        OutpostApi.Response r = attempt(() -> api.post("/api/v1/sources", sourceBody(name, url)));
        return r.status() == 201 ? r.body().path("id").asLong() : -1;
    }

    private static Map<String, Object> sourceBody(String name, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "rss");
        body.put("url", url);
        body.put("schedule", "PT24H");
        body.put("enabled", true);
        body.put("allowPrivate", true);
        body.put("language", "en");
        return body;
    }

    private static OutpostApi.Response createSubscription(OutpostApi api, String name) {
        return api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "name",
                        name,
                        "query",
                        "border",
                        "frequency",
                        "instant",
                        "channels",
                        List.of(Map.of("type", "inapp"))));
    }

    /**
     * Waits for the first run of a source started after {@code since} to end (creating a source
     * runs it at once); the run's JSON, or null when none ended in time.
     */
    private static JsonNode awaitRun(OutpostApi api, long source, Instant since, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(3_000);
            JsonNode run = lastRun(api, source);
            if (run != null
                    && startedAfter(run, since)
                    && !run.path("status").asText().equals("running")) {
                return run;
            }
        }
        return null;
    }

    private static boolean startedAfter(JsonNode run, Instant since) {
        return Instant.parse(run.path("startedAt").asText()).isAfter(since.minusSeconds(1));
    }

    private static JsonNode lastRun(OutpostApi api, long source) {
        try {
            OutpostApi.Response r = api.get("/api/v1/sources/" + source + "/runs?limit=1");
            return r.status() == 200 && r.body().size() > 0
                    ? withErrors(r.body().get(0))
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode runById(OutpostApi api, long source, long runId) {
        for (JsonNode entry : api.get("/api/v1/sources/" + source + "/runs?limit=200")
                .expect(200)
                .body()) {
            if (entry.path("run").path("id").asLong() == runId) {
                return withErrors(entry);
            }
        }
        return null;
    }

    /** The run object with its first error folded in, for the report. */
    private static JsonNode withErrors(JsonNode entry) {
        com.fasterxml.jackson.databind.node.ObjectNode run = entry.path("run").deepCopy();
        if (entry.path("errors").size() > 0) {
            run.set("firstError", entry.path("errors").get(0));
        }
        return run;
    }

    private static String describeRun(JsonNode run) {
        if (run == null) {
            return "no run recorded";
        }
        String error = run.has("firstError")
                ? "; error " + run.path("firstError").path("kind").asText() + ": "
                        + excerpt(run.path("firstError").path("reason"))
                : "";
        return run.path("status").asText() + ", " + run.path("articlesNew").asInt() + " new, "
                + run.path("errors").asInt() + " errors, message '" + excerpt(run.path("message")) + "'" + error;
    }

    /** Health as a load balancer or Docker sees it: no credentials, so it answers even when sign-in cannot. */
    private static String anonymousHealth(AppProcess app) {
        try {
            java.net.http.HttpResponse<String> r = ANONYMOUS.send(
                    java.net.http.HttpRequest.newBuilder(app.url().resolve("/actuator/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String status = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(r.body())
                    .path("status")
                    .asText("?");
            return status + " (HTTP " + r.statusCode() + ")";
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static final java.net.http.HttpClient ANONYMOUS = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static String diskSpace(OutpostApi api) {
        try {
            OutpostApi.Response r = api.get("/actuator/health");
            JsonNode disk = r.body().path("components").path("diskSpace");
            return disk.isMissingNode()
                    ? "no diskSpace component (HTTP " + r.status() + " " + excerpt(r.body()) + ")"
                    : disk.path("status").asText() + " " + excerpt(disk.path("details"));
        } catch (RuntimeException e) {
            return "no answer";
        }
    }

    private static String awaitHealth(AppProcess app, String wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = anonymousHealth(app);
        while (!last.startsWith(wanted) && Instant.now().isBefore(deadline)) {
            Thread.sleep(5_000);
            last = anonymousHealth(app);
        }
        return last;
    }

    private static String excerpt(JsonNode node) {
        String text = node == null || node.isMissingNode() || node.isNull()
                ? ""
                : node.isTextual() ? node.asText() : node.toString();
        text = text.replace('|', '/').replace('\n', ' ');
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Writes until the file system refuses; returns how many bytes went in. */
    private static long fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        // top up the last partial megabyte, so not even a small page of H2 fits
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1 << 20; i++) {
                out.write(0);
                written++;
            }
        } catch (IOException full) {
            // expected
        }
        return written;
    }

    private static void mount(Path dir) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", dir.toString());
    }

    private static void unmount(Path dir) throws IOException, InterruptedException {
        if (run("umount", dir.toString()) != 0) {
            run("umount", "-l", dir.toString()); // something still holds a file open: detach now, free when closed
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (code != 0) {
            System.out.println(String.join(" ", command) + " → " + code + ": " + output);
        }
        return code;
    }
}
