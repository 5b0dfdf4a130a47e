package org.outpost.benchmarks.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.Folders;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.benchmarks.macro.BenchNode;
import org.outpost.benchmarks.macro.GeneratedArticles;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.core.index.ArticleIndex;

/**
 * The dashboard under load at scale: N generated articles bulk-loaded into the app's index
 * ({@code outpost-articles}, the app's mapping) on a local node, the real app jar as a child
 * process with {@code -Xmx1g} reading it, then
 * <ol>
 *   <li>quiet: headless Chromium opens the overview, Explore (with a query and a topic filter) and
 *   a topic page P times each, timed from navigation start to the data drawn;</li>
 *   <li>load: U simulated readers ({@link VaadinUser}, Vaadin's own protocol) for M minutes while
 *   Chromium keeps opening the same pages;</li>
 * </ol>
 * with the server's own time for each view's work ({@code outpost.view.load}) per phase, the
 * app's heap and threads sampled throughout, and baselines in the same run: the login page
 * (the same bootstrap and Flow round trips, no data) in the browser and over HTTP, and an
 * Elasticsearch {@code _count}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.dashboard.DashboardBenchmark [articles] [users] [minutes] [page loads]</pre>
 */
public final class DashboardBenchmark {

    static final String OVERVIEW = "/?range=7d";
    static final String EXPLORE = "/explore?q=border&topic=border_security";
    static final String TOPIC = "/topics/border_security?range=7d";
    static final String LOGIN = "/login";
    /**
     * The views' "finished" signals, per route: progress bar gone and the data on screen. The
     * progress bars are found by their place, not their class: in 2 of 20 loads on the loaded
     * machine the facets' bar was drawn without its class attribute while the page was complete.
     */
    static final Map<String, String> FINISHED = Map.of(
            "/",
                    "document.querySelector('.overview-view > vaadin-progress-bar') !== null"
                            + " && document.querySelector('.overview-view > vaadin-progress-bar').hidden"
                            + " && document.querySelectorAll('.topic-card').length > 0 && document.querySelector('.latest-article') !== null"
                            + " && document.querySelector('outpost-chart.volume-chart[rendered] canvas') !== null"
                            + " && document.querySelector('outpost-chart.entities-chart[rendered] canvas') !== null"
                            + " && document.querySelector('outpost-chart.map-chart[rendered] canvas') !== null",
            "/explore",
                    "/\\d/.test((document.querySelector('.result-summary') || {}).textContent || '')"
                            + " && document.querySelector('vaadin-grid.article-grid .article-card') !== null"
                            + " && document.querySelector('.facet-panel > vaadin-progress-bar') !== null"
                            + " && document.querySelector('.facet-panel > vaadin-progress-bar').hidden"
                            + " && document.querySelectorAll('.facet-sources vaadin-checkbox').length > 0",
            "/topics/border_security",
                    "document.querySelector('.topic-view > vaadin-progress-bar') !== null"
                            + " && document.querySelector('.topic-view > vaadin-progress-bar').hidden"
                            + " && document.querySelector('.topic-latest > *') !== null"
                            + " && document.querySelector('.topic-entities > *') !== null"
                            + " && document.querySelector('outpost-chart.topic-trend[rendered] canvas') !== null",
            "/login", "document.querySelector(\"input[name='username']\") !== null");

    /** Steps on the way to "finished", timed in every load where they appear (the report's detail rows). */
    static final Map<String, String> STEPS = Map.of(
            "topic cards", ".topic-card",
            "volume chart drawn", "outpost-chart.volume-chart[rendered] canvas",
            "entities chart drawn", "outpost-chart.entities-chart[rendered] canvas",
            "map drawn", "outpost-chart.map-chart[rendered] canvas",
            "article cards", "vaadin-grid.article-grid .article-card",
            "topic trend drawn", "outpost-chart.topic-trend[rendered] canvas");

    private static final List<String> VIEWS =
            List.of("overview", "explore.search", "explore.page", "explore.facets", "explore.sources", "topic");

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int loads = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path work = Path.of(System.getenv().getOrDefault("OUTPOST_BENCH_DIR", "/tmp/outpost-bench"));
        Report report = new Report();
        report.line("Started " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; load before: " + Machine.uptime());
        // the corpus ends now, so the overview's default week holds its share of the articles
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // OUTPOST_BENCH_REUSE_INDEX=true: keep the node's data and skip loading when the index already holds
        // the same number of articles (the corpus is seeded; its dates then end when it was loaded)
        boolean reuse = Boolean.parseBoolean(System.getenv().getOrDefault("OUTPOST_BENCH_REUSE_INDEX", "false"));
        try (BenchNode es = new BenchNode(System.getenv().getOrDefault("OUTPOST_BENCH_ES_HEAP", "1g"), reuse)) {
            ArticleIndex index = new ArticleIndex(es.connection.client(), ArticleIndex.DEFAULT_ALIAS);
            index.ensureExists();
            long present = es.connection
                    .client()
                    .count(c -> c.index(ArticleIndex.DEFAULT_ALIAS))
                    .count();
            if (reuse && present == articles) {
                report.line(String.format(
                        "Index `%s`: %,d articles (originals %,d) reused from a previous run's load.",
                        index.currentIndexName(), present, index.count()));
            } else {
                double loadSeconds = GeneratedArticles.load(index, CorpusGenerator.standard(articles, end));
                report.line(String.format(
                        "Index `%s`: %,d articles (originals %,d) loaded in %.0f s.",
                        index.currentIndexName(), articles, index.count(), loadSeconds));
            }

            Path appDir = work.resolve("app");
            Folders.deleteTree(appDir);
            AppProcess app = AppProcess.in(appDir)
                    .elasticsearch(es.node.httpUri())
                    .heap("1g")
                    .startTimeout(Duration.ofMinutes(10))
                    .build();
            long started = System.nanoTime();
            app.start();
            report.line(String.format(
                    "App started in %.0f s (pid %d, -Xmx1g); heap max reported %.0f MB.",
                    (System.nanoTime() - started) / 1e9, app.pid(), HeapSampler.maxMb(app.api())));
            try {
                run(app, index, work, users, minutes, loads, report);
            } finally {
                app.stop();
            }
        }
        report.line("Finished " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; load after: " + Machine.uptime());
        System.out.println();
        System.out.println(report);
    }

    private static void run(
            AppProcess app, ArticleIndex index, Path work, int users, double minutes, int loads, Report report)
            throws Exception {
        long pid = app.pid();
        OutpostApi api = app.api();
        ViewTimings timings = new ViewTimings(app.url());
        HeapSampler.Sample idle = HeapSampler.read(api);
        Baseline baseline = new Baseline(app.url(), index);
        try (BrowserProbe probe = new BrowserProbe(app.url(), work.resolve("chromium"), FINISHED, STEPS)) {
            probe.logIn("admin", AppProcess.ADMIN_PASSWORD);
            // warm-up, not counted: the JIT, the node's caches, a first UI in the session
            RequestLog ignored = new RequestLog();
            for (int i = 0; i < 3; i++) {
                probeRound(probe, ignored, true);
            }
            System.out.println("warm-up: " + ignored.table() + ignored.firstErrors());

            // 1. quiet: the browser alone
            RequestLog quietBrowser = new RequestLog();
            RequestLog quietBaseline = new RequestLog();
            for (int i = 0; i < 30; i++) {
                baseline.sample(quietBaseline);
            }
            ViewTimings.Snapshot s0 = timings.snapshot();
            HeapSampler quietHeap = new HeapSampler(api, 5);
            for (int i = 0; i < loads; i++) {
                probeRound(probe, quietBrowser, true);
            }
            quietHeap.close();
            ViewTimings.Snapshot s1 = timings.snapshot();
            System.out.println("quiet: " + quietBrowser.table());

            // 2. load: the simulated readers, with the browser measuring meanwhile
            RequestLog requests = new RequestLog();
            RequestLog pages = new RequestLog();
            RequestLog loadBrowser = new RequestLog();
            RequestLog loadBaseline = new RequestLog();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> readers = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                VaadinUser user = new VaadinUser(
                        app.url(),
                        "admin",
                        AppProcess.ADMIN_PASSWORD,
                        requests,
                        pages,
                        1000 + u,
                        running::get,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(6));
                readers.add(Thread.ofPlatform().name("reader-" + u).start(user));
            }
            Thread baselines = Thread.ofPlatform().name("baseline").start(() -> {
                while (running.get()) {
                    baseline.sample(loadBaseline);
                    sleep(2_000);
                }
            });
            ViewTimings.Snapshot s2 = timings.snapshot();
            HeapSampler loadHeap = new HeapSampler(api, 5);
            long until = System.nanoTime() + (long) (minutes * 60e9);
            while (System.nanoTime() < until) {
                probeRound(probe, loadBrowser, true);
            }
            running.set(false);
            ViewTimings.Snapshot s3 = timings.snapshot();
            loadHeap.close();
            for (Thread t : readers) {
                t.join(Duration.ofSeconds(60));
            }
            baselines.join(Duration.ofSeconds(30));
            HeapSampler.Sample after = HeapSampler.read(api);

            boolean sameProcess = app.isAlive() && app.pid() == pid;
            String log = Files.readString(app.log());
            long oom = log.lines().filter(l -> l.contains("OutOfMemoryError")).count();
            long restarts = log.lines().filter(l -> l.startsWith("===== start")).count() - 1;

            report.section("Browser page loads, quiet (" + loads
                    + " each, Chromium headless, navigation start to data drawn)");
            report.line(quietBrowser.table());
            errors(report, quietBrowser);
            report.section("Server work behind the pages, quiet");
            report.line(ViewTimings.Phase.header());
            VIEWS.forEach(v -> report.line(ViewTimings.between(s0, s1, v).row()));
            report.line("");
            report.section("Baseline, quiet");
            report.line(quietBaseline.table());
            report.section(
                    String.format("Under load: %d simulated readers for %.1f min (think time 2-6 s)", users, minutes));
            report.line(String.format(
                    "HTTP requests: %,d, errors: %,d (%.2f %%); pages: %,d, failed: %,d.",
                    requests.total(),
                    requests.errors(),
                    100.0 * requests.errors() / Math.max(1, requests.total()),
                    pages.total(),
                    pages.errors()));
            report.line("");
            report.line(requests.table());
            report.line(pages.table().replace("| request |", "| simulated page load |"));
            if (!requests.firstErrors().isEmpty() || !pages.firstErrors().isEmpty()) {
                report.line("First error per kind: " + requests.firstErrors() + " " + pages.firstErrors());
                report.line("");
            }
            report.section("Browser page loads under load (Chromium, while the readers run)");
            report.line(loadBrowser.table());
            errors(report, loadBrowser);
            report.section("Server work behind the pages, under load");
            report.line(ViewTimings.Phase.header());
            VIEWS.forEach(v -> report.line(ViewTimings.between(s2, s3, v).row()));
            report.line("");
            report.section("Baseline under load (every 2 s)");
            report.line(loadBaseline.table());
            report.section("App memory (-Xmx1g) and threads");
            report.line(String.format(
                    "After start on the loaded index, idle: heap in use %.0f MB, live data %.0f MB, %d threads.",
                    idle.usedMb(), idle.liveDataMb(), idle.threads()));
            report.line("");
            report.line(HeapSampler.header());
            report.line(quietHeap.row("quiet browser loads"));
            report.line(loadHeap.row("under load"));
            report.line("");
            report.line(String.format(
                    "After the load: heap in use %.0f MB, live data %.0f MB, %d threads. Same process throughout: %s;"
                            + " OutOfMemoryError in the log: %d; restarts: %d; failed samples: %d.",
                    after.usedMb(),
                    after.liveDataMb(),
                    after.threads(),
                    sameProcess ? "yes" : "NO",
                    oom,
                    restarts,
                    quietHeap.failures() + loadHeap.failures()));
            report.section("Ratios (p95 against the baseline in the same phase)");
            ratio(
                    report,
                    "browser: overview / login page, quiet",
                    quietBrowser,
                    "overview",
                    quietBrowser,
                    "login page");
            ratio(report, "browser: explore / login page, quiet", quietBrowser, "explore", quietBrowser, "login page");
            ratio(
                    report,
                    "browser: topic page / login page, quiet",
                    quietBrowser,
                    "topic page",
                    quietBrowser,
                    "login page");
            ratio(
                    report,
                    "browser: overview / login page, under load",
                    loadBrowser,
                    "overview",
                    loadBrowser,
                    "login page");
            ratio(
                    report,
                    "browser: explore / login page, under load",
                    loadBrowser,
                    "explore",
                    loadBrowser,
                    "login page");
            ratio(
                    report,
                    "HTTP: login page under load / quiet",
                    loadBaseline,
                    "GET /login (HTML)",
                    quietBaseline,
                    "GET /login (HTML)");
            ratio(
                    report,
                    "ES _count under load / quiet",
                    loadBaseline,
                    "Elasticsearch _count",
                    quietBaseline,
                    "Elasticsearch _count");
        }
    }

    /** One load of each page in the browser; the login page (no data) is the browser's baseline. */
    private static void probeRound(BrowserProbe probe, RequestLog log, boolean withLogin) {
        record(log, "overview", probe.load(OVERVIEW, Duration.ofSeconds(60)));
        record(log, "explore", probe.load(EXPLORE, Duration.ofSeconds(60)));
        record(log, "topic page", probe.load(TOPIC, Duration.ofSeconds(60)));
        if (withLogin) {
            record(log, "login page", probe.load(LOGIN, Duration.ofSeconds(60)));
        }
    }

    private static void record(RequestLog log, String page, BrowserProbe.PageLoad load) {
        if (load.ok()) {
            log.ok(page, load.finished());
            log.ok(page + ": HTML document received", load.document());
            if (load.init() >= 0) {
                log.ok(page + ": Flow init answered", load.init());
            }
            if (load.navigate() >= 0) {
                log.ok(page + ": first UIDL (navigation) answered", load.navigate());
            }
            load.steps().forEach((step, ms) -> log.ok(page + ": " + step, ms));
        } else {
            log.error(page, load.error());
        }
    }

    private static void errors(Report report, RequestLog log) {
        if (!log.firstErrors().isEmpty()) {
            report.line("First error per kind: " + log.firstErrors());
            report.line("");
        }
    }

    private static void ratio(Report report, String name, RequestLog a, String kindA, RequestLog b, String kindB) {
        double x = a.stats(kindA).p95();
        double y = b.stats(kindB).p95();
        report.line(String.format("- %s: %.0f / %.0f ms = %.1f", name, x, y, x / y));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Markdown the run prints at the end. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void section(String title) {
            text.append("\n### ").append(title).append("\n\n");
        }

        void line(String line) {
            text.append(line).append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
