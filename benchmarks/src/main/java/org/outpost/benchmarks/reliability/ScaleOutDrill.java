package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.core.postgres.LocalPostgres;

/**
 * Two app instances (the real jar) on two ports sharing one PostgreSQL database and one
 * Elasticsearch cluster of three nodes (one replica), fed by loopback news sites that keep
 * publishing, alerting to a webhook receiver and an SMTP server in the drill. Each instance sends
 * its own crawler User-Agent, so the sites' request log says which instance fetched each page; the
 * database and the index are read directly for the verdict.
 *
 * <p>Phases: (1) both instances up, subscriptions and a report created on A, steady crawling by
 * both, a re-score started on A and watched on B, a page open on B while A creates in-app
 * notifications; (2) SIGKILL of one Elasticsearch node, searched, crawled and alerted through,
 * restarted; (3) SIGKILL of instance A while it crawls big sites and sends deliveries; B takes
 * over. Then: no overlapping runs, no page fetched twice in a run, no article indexed twice, every
 * delivery sent once.
 */
final class ScaleOutDrill implements Drill {

    private static final String HOOK = "/hook/all";
    private static final String ALERTS_TO = "analyst@example.org";
    private static final String REPORTS_TO = "reports@example.org";
    private static final String LIVE_SOURCE = "Live wire";
    /** Slow enough that sends are in flight when instance A dies, fast enough to keep up. */
    private static final Duration WEBHOOK_ANSWER = Duration.ofMillis(150);
    /** The app's default is 2 min; shortened so the take-over fits the drill (stated in the report). */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(20);
    /** The crawler's lease on a source ({@code RunRepository.LEASE}): a dead instance's run blocks its source this long. */
    private static final Duration CRAWL_LEASE = Duration.ofSeconds(45);

    private static final Duration MATCH_GOAL = Duration.ofSeconds(5);
    private static final Duration LIVE_GOAL = Duration.ofSeconds(10);
    private static final Duration ES_DOWN = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("OUTPOST_DRILL_SCALE_ES_DOWN_SECONDS", "60")));
    private static final int BIG_SITES = 4;
    private static final int BIG_BACKLOG =
            Integer.parseInt(System.getenv().getOrDefault("OUTPOST_DRILL_SCALE_BIG_BACKLOG", "250"));
    private static final int LIVE_RUNS_BY_A = 3;
    private static final int SENDER_THREADS = 4;

    @Override
    public String name() {
        return "scale-out";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "Two app instances (A, B; -Xmx1g each) sharing one PostgreSQL database (LocalPostgres) and one"
                        + " Elasticsearch cluster of 3 nodes (512 MB heap each, article index with 1 replica), both given all"
                        + " three node URLs. 3 sites publishing one article every 6 s (RSS, sitemap, listing page; polled every"
                        + " minute), a live site crawled on demand, and later " + BIG_SITES + " sitemap sites of "
                        + BIG_BACKLOG
                        + " articles. Subscriptions and a scheduled report created on A; alerts to a webhook"
                        + " receiver (answers after " + WEBHOOK_ANSWER.toMillis() + " ms) and GreenMail."
                        + " outpost.alerts.claim-timeout=" + CLAIM_TIMEOUT.toSeconds()
                        + "s (default 2m). Faults: SIGKILL"
                        + " of one Elasticsearch node for " + ES_DOWN.toSeconds() + " s; SIGKILL of instance A"
                        + " mid-crawl and mid-delivery.");
        Path pgRoot = workDir.resolve("postgres");
        Files.createDirectories(pgRoot);
        Instant setupStart = Instant.now();
        LocalPostgres pg = LocalPostgres.start(pgRoot);
        List<DrillElasticsearch> cluster = List.of();
        try {
            pg.createDatabase("outpost");
            cluster = DrillElasticsearch.startCluster(workDir.resolve("elasticsearch"), 3);
            // the machine is shared: a disk above the default watermarks would keep replicas unassigned
            cluster.getFirst().putClusterSetting("cluster.routing.allocation.disk.threshold_enabled", "false");
            result.note("PostgreSQL and the 3-node cluster were up " + AppSteps.seconds(setupStart, Instant.now())
                    + " after the start.");
            SiteRequestLog requests = new SiteRequestLog();
            Clock clock = Clock.systemUTC();
            try (SmtpFixture smtp = new SmtpFixture().start();
                    WebhookReceiver hooks = new WebhookReceiver(WEBHOOK_ANSWER);
                    GrowingNewsSites steady = new GrowingNewsSites(3, 20, Duration.ofSeconds(6), clock, requests);
                    GrowingNewsSites live = new GrowingNewsSites(1, 0, Duration.ofSeconds(10), clock, requests);
                    GrowingNewsSites big =
                            new GrowingNewsSites(BIG_SITES, BIG_BACKLOG, Duration.ofDays(1), clock, requests)) {
                new Run(workDir, result, pg, cluster, smtp, hooks, requests, steady, live, big).go();
            }
        } finally {
            cluster.forEach(DrillElasticsearch::close);
            pg.stop();
        }
        return result;
    }

    /** One run of the drill: its fixtures, the two instances and what was measured along the way. */
    private static final class Run {
        private final Path workDir;
        private final DrillResult result;
        private final LocalPostgres pg;
        private final List<DrillElasticsearch> cluster;
        private final SmtpFixture smtp;
        private final WebhookReceiver hooks;
        private final SiteRequestLog requests;
        private final GrowingNewsSites steady;
        private final GrowingNewsSites live;
        private final GrowingNewsSites big;
        private final AppProcess a;
        private final AppProcess b;
        private final String webhookChannel;
        private Instant subscribedAt = Instant.EPOCH;
        private final String loadAtStart = load();
        /** When the big sites were added: from then on a burst of 1,000 articles competes with matching. */
        private Instant bigAddedAt = Instant.MAX;

        Run(
                Path workDir,
                DrillResult result,
                LocalPostgres pg,
                List<DrillElasticsearch> cluster,
                SmtpFixture smtp,
                WebhookReceiver hooks,
                SiteRequestLog requests,
                GrowingNewsSites steady,
                GrowingNewsSites live,
                GrowingNewsSites big) {
            this.workDir = workDir;
            this.result = result;
            this.pg = pg;
            this.cluster = cluster;
            this.smtp = smtp;
            this.hooks = hooks;
            this.requests = requests;
            this.steady = steady;
            this.live = live;
            this.big = big;
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            this.a = instance("A", secret).build();
            this.b = instance("B", secret).build();
            this.webhookChannel = AppSteps.webhookKey(hooks.url(HOOK));
        }

        private AppProcess.Builder instance(String name, String secret) {
            String urls = cluster.stream().map(n -> n.url().toString()).collect(Collectors.joining(","));
            return AppProcess.in(workDir.resolve("app-" + name.toLowerCase(Locale.ROOT)))
                    .startTimeout(Duration.ofMinutes(6))
                    .env("OUTPOST_ELASTICSEARCH_URL", urls)
                    .env("SPRING_DATASOURCE_URL", pg.jdbcUrl("outpost"))
                    .env("SPRING_DATASOURCE_USERNAME", pg.user())
                    .env("SPRING_DATASOURCE_PASSWORD", pg.password())
                    .env("OUTPOST_ALERTS_SECRET_KEY", secret)
                    .mail(smtp.port())
                    // one replica of every article index (the partitions' setting; the bundled index before it
                    // expanded to one replica by itself)
                    .set("outpost.elasticsearch.index.replicas", "1")
                    .set("outpost.crawler.user-agent", userAgent(name))
                    .set("outpost.crawler.per-host-delay", "0s")
                    .set("outpost.crawler.max-pages-per-run", "1000000")
                    .set("outpost.crawler.startup-delay", "5s")
                    .set("outpost.alerts.storm-threshold", "1000000")
                    .set("outpost.alerts.claim-timeout", CLAIM_TIMEOUT.toSeconds() + "s")
                    .set("outpost.reports.poll-interval", "5s");
        }

        private static String load() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return fields[0] + ", " + fields[1] + ", " + fields[2];
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }

        private static String userAgent(String instance) {
            return "OutpostDrill-" + instance + "/1.0 (+scale-out drill)";
        }

        private static String instanceOf(String userAgent) {
            return userAgent.startsWith("OutpostDrill-A/") ? "A" : userAgent.startsWith("OutpostDrill-B/") ? "B" : "?";
        }

        void go() throws Exception {
            try {
                Instant startA = Instant.now();
                a.start();
                Instant aUp = Instant.now();
                AtomicReference<Exception> bFailed = new AtomicReference<>();
                Thread startingB = Thread.ofPlatform().name("start-B").start(() -> {
                    try {
                        b.start();
                    } catch (Exception e) {
                        bFailed.set(e);
                    }
                });
                OutpostApi apiA = a.api();
                subscribedAt = Instant.now();
                AppSteps.subscribe(
                        apiA,
                        "Everything",
                        null,
                        List.of(AppSteps.webhook(hooks.url(HOOK)), AppSteps.email(ALERTS_TO)));
                AppSteps.confirmEmail(apiA, smtp, ALERTS_TO);
                apiA.post(
                                "/api/v1/subscriptions",
                                Map.of(
                                        "name",
                                        "Live",
                                        "sources",
                                        List.of(LIVE_SOURCE),
                                        "frequency",
                                        "instant",
                                        "channels",
                                        List.of(Map.of("type", "inapp"))))
                        .expect(201);
                startingB.join();
                if (bFailed.get() != null) {
                    throw bFailed.get();
                }
                Instant bUp = Instant.now();
                result.note("Instance A ready " + AppSteps.seconds(startA, aUp) + " after its start; B (started once A"
                        + " was ready, while A's subscriptions were created) " + AppSteps.seconds(aUp, bUp)
                        + " after.");
                OutpostApi apiB = b.api();
                Instant reportAt = nextMinute(Instant.now().plusSeconds(75));
                long report = createReport(apiA, reportAt);
                List<Long> steadySources = addSteadySources(apiA);
                long liveSource = addLiveSource(apiA);

                steadyPhase(apiA, apiB, liveSource, report, reportAt);
                elasticsearchPhase(apiA, apiB);
                killPhase(apiB);
                // B stopped as an operator stops it (SIGTERM): its crawls end between pages, so what
                // was fetched is indexed and the database and index hold still while they are counted
                String runs = AppSteps.runSummary(apiB, steadySources);
                b.stop();
                verdict(runs);
            } finally {
                a.stop();
                b.stop();
            }
        }

        // ---------------------------------------------------------------- phase 1

        private void steadyPhase(OutpostApi apiA, OutpostApi apiB, long liveSource, long report, Instant reportAt)
                throws Exception {
            try (LiveBell bell =
                    new LiveBell(b.url(), workDir.resolve("chromium"), "admin", AppProcess.ADMIN_PASSWORD)) {
                // something to re-score, then the re-score on A watched from B
                AppSteps.await(Duration.ofMinutes(2), () -> cluster.getFirst().countNow() >= 60);
                rescore(apiA, apiB);
                liveNotifications(apiA, liveSource, bell);
            }
            boolean reported = AppSteps.await(
                    Duration.between(Instant.now(), reportAt.plus(Duration.ofMinutes(3))),
                    () -> scheduledRuns(report).values().stream()
                                            .mapToLong(Long::longValue)
                                            .sum()
                                    > 0
                            && !scheduledRuns(report).containsKey("RUNNING"));
            result.note("The report was scheduled at " + reportAt + "; its scheduled run "
                    + (reported ? "ended " : "had not ended ") + "by " + Instant.now() + ".");
        }

        private long createReport(OutpostApi api, Instant at) {
            String cron = DateTimeFormatter.ofPattern("s m H", Locale.ROOT)
                            .withZone(ZoneOffset.UTC)
                            .format(at)
                    + " * * *";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Scale-out daily");
            body.put("period", "day");
            body.put("schedule", cron);
            body.put("timezone", "UTC");
            body.put("recipients", List.of(REPORTS_TO));
            body.put("enabled", true);
            long id = api.post("/api/v1/reports", body)
                    .expect(201)
                    .body()
                    .path("id")
                    .asLong();
            AppSteps.confirmEmail(api, smtp, REPORTS_TO);
            return id;
        }

        private static Instant nextMinute(Instant from) {
            return from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        }

        private List<Long> addSteadySources(OutpostApi api) {
            List<Long> ids = new ArrayList<>();
            String[][] kinds = {{"RSS", "/feed.xml"}, {"SITEMAP", "/sitemap.xml"}, {"HTML", "/latest.html"}};
            for (int k = 0; k < steady.sites(); k++) {
                ids.add(addSource(api, "Steady " + (k + 1), kinds[k][0], steady.url(k, kinds[k][1]), "PT1M"));
            }
            return ids;
        }

        private long addLiveSource(OutpostApi api) {
            // runs only when asked: its schedule does not come round within the drill
            return addSource(api, LIVE_SOURCE, "RSS", live.url(0, "/feed.xml"), "PT6H");
        }

        private static long addSource(OutpostApi api, String name, String type, String url, String schedule) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("type", type);
            body.put("url", url);
            body.put("schedule", schedule);
            body.put("timezone", "UTC");
            body.put("enabled", true);
            body.put("language", "en");
            body.put("allowPrivate", true);
            body.put("includePattern", "/news/\\d+\\.html");
            return api.post("/api/v1/sources", body)
                    .expect(201)
                    .body()
                    .path("id")
                    .asLong();
        }

        /** Re-score started on A; B is asked to start one too, and B's status is polled throughout. */
        private void rescore(OutpostApi apiA, OutpostApi apiB) {
            OutpostApi.Response started = apiA.post("/api/v1/admin/rescore", "");
            JsonNode onA = started.body();
            int secondStart = apiB.post("/api/v1/admin/rescore", "").status();
            List<String> seenOnB = new ArrayList<>();
            long maxProcessedOnB = -1;
            JsonNode lastB = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                JsonNode s = apiB.get("/api/v1/admin/rescore").body();
                lastB = s;
                String state = s.path("state").asText();
                if (seenOnB.isEmpty() || !seenOnB.getLast().equals(state)) {
                    seenOnB.add(state);
                }
                if (state.equals("RUNNING")) {
                    maxProcessedOnB =
                            Math.max(maxProcessedOnB, s.path("processed").asLong());
                }
                if (state.equals("FINISHED") || state.equals("FAILED")) {
                    break;
                }
                AppSteps.sleep(Duration.ofMillis(300));
            }
            JsonNode finalA = apiA.get("/api/v1/admin/rescore").body();
            boolean sameRun = lastB != null
                    && !finalA.path("startedAt").isMissingNode()
                    && finalA.path("startedAt")
                            .asText()
                            .equals(lastB.path("startedAt").asText());
            result.check(
                    "re-score started on A: a second start on B while it runs is refused",
                    "202 on A, 409 on B",
                    started.status() + " on A, " + secondStart + " on B",
                    started.status() == 202 && secondStart == 409);
            result.check(
                    "re-score started on A: B's status shows A's run to its end",
                    "B sees RUNNING … FINISHED, same start time and total as A",
                    "B saw " + seenOnB + " (largest processed while running " + maxProcessedOnB + "); B's last "
                            + compact(lastB) + "; A's " + compact(finalA),
                    sameRun
                            && lastB.path("state").asText().equals("FINISHED")
                            && lastB.path("total").asLong()
                                    == finalA.path("total").asLong()
                            && lastB.path("total").asLong() > 0);
            result.note("Re-score as A answered its start: " + compact(onA) + ".");
        }

        private static String compact(JsonNode status) {
            if (status == null) {
                return "(none)";
            }
            return status.path("state").asText() + " "
                    + status.path("processed").asLong() + "/"
                    + status.path("total").asLong() + " from "
                    + status.path("startedAt").asText("-");
        }

        /**
         * "Run now" of the live source, asked of A until A's own crawler (by User-Agent) has fetched
         * new articles in {@value #LIVE_RUNS_BY_A} runs: the scheduler shared by both instances
         * fires the run on either. Then each in-app notification is matched with the moment the
         * page open on B first counted it.
         */
        private void liveNotifications(OutpostApi apiA, long liveSource, LiveBell bell) throws Exception {
            List<LiveBell.Shown> opened = bell.history();
            Instant openedAt = opened.getFirst().at();
            long baseline = opened.getFirst().unread();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            int asked = 0;
            // at least 5 asks (a minute), so both instances get their turns, then until A has crawled enough
            while (Instant.now().isBefore(deadline)
                    && (asked < 5 || liveArticlesCrawledBy("A", openedAt) < LIVE_RUNS_BY_A)) {
                apiA.post("/api/v1/sources/" + liveSource + "/run", "");
                asked++;
                AppSteps.sleep(Duration.ofSeconds(12)); // the site publishes one article every 10 s
            }
            AppSteps.sleep(LIVE_GOAL); // the last notification's time to show
            List<LiveBell.Shown> history = bell.history();
            Map<String, String> crawledBy = crawledByUrl();
            Map<String, String> urlById = new HashMap<>();
            cluster.getFirst().documents().forEach(d -> urlById.put(d.id(), d.url()));
            List<Object[]> inapp;
            try (AppDatabase db = database()) {
                inapp = db.rows("select d.id, coalesce(d.sent_at, d.created_at), min(a.story_id) from alert_delivery d"
                        + " join alert_delivery_article a on a.delivery_id = d.id where d.channel = 'inapp'"
                        + " group by d.id, d.sent_at, d.created_at order by coalesce(d.sent_at, d.created_at), d.id");
            }
            List<Long> crossMillis = new ArrayList<>();
            List<Long> sameMillis = new ArrayList<>();
            int crossNotShown = 0;
            int sameNotShown = 0;
            long expected = baseline;
            for (Object[] row : inapp) {
                Instant sent = (Instant) row[1];
                if (!sent.isAfter(openedAt)) {
                    continue; // counted in the page's first figure already
                }
                expected++;
                String url = urlById.getOrDefault(String.valueOf(row[2]), "");
                boolean cross = crawledBy.getOrDefault(url, "?").equals("A");
                Instant shown = LiveBell.firstShowing(history, expected);
                if (shown == null) {
                    if (cross) {
                        crossNotShown++;
                    } else {
                        sameNotShown++;
                    }
                } else {
                    (cross ? crossMillis : sameMillis)
                            .add(Math.max(0, Duration.between(sent, shown).toMillis()));
                }
            }
            Stats cross = Stats.of(crossMillis);
            result.check(
                    "in-app notification created on A (article crawled by A) shown live on a page open on B",
                    "every one, ≤ " + LIVE_GOAL.toSeconds() + " s after it was sent",
                    (crossMillis.size() + crossNotShown) + " created on A: " + crossMillis.size() + " shown (" + cross
                            + "), " + crossNotShown + " never shown",
                    crossNotShown == 0 && !crossMillis.isEmpty() && cross.max() <= LIVE_GOAL.toMillis());
            result.note("Live check: a page of B open (Chromium, never reloaded) from " + openedAt + " showing "
                    + baseline + " unread; \"run now\" of the live source asked of A " + asked + " times (the"
                    + " shared scheduler runs it on either instance); notifications created on B itself meanwhile: "
                    + (sameMillis.size() + sameNotShown) + ", shown " + sameMillis.size() + " (" + Stats.of(sameMillis)
                    + "). The bell on B showed: "
                    + history.stream().map(h -> Long.toString(h.unread())).collect(Collectors.joining(" → "))
                    + ". The bell re-reads the whole unread count on every update, so a notification of A's can also"
                    + " appear when one of B's own arrives.");
        }

        private int liveArticlesCrawledBy(String instance, Instant since) {
            String origin = live.url(0, "");
            return (int) requests
                    .where(r -> r.site().equals(origin)
                            && r.at().isAfter(since)
                            && r.articlePage()
                            && r.status() == 200
                            && instanceOf(r.userAgent()).equals(instance))
                    .stream()
                    .map(SiteRequestLog.Request::path)
                    .distinct()
                    .count();
        }

        /** The scheduled runs of the report by status, from the database. */
        private Map<String, Long> scheduledRuns(long report) {
            try (AppDatabase db = database()) {
                return db.grouped("select status, count(*) from report_run where report_id = " + report
                        + " and trigger_kind = 'SCHEDULED' group by status");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        // ---------------------------------------------------------------- phase 2

        private void elasticsearchPhase(OutpostApi apiA, OutpostApi apiB) {
            boolean greenBefore = AppSteps.await(
                    Duration.ofMinutes(2), () -> cluster.getFirst().health().equals("green"));
            // the node holding a primary of the article index: its loss promotes a replica
            String primaryNode = cluster.getFirst().primaryNode();
            DrillElasticsearch victim = cluster.stream()
                    .filter(n -> n.name().equals(primaryNode))
                    .findFirst()
                    .orElse(cluster.getLast());
            DrillElasticsearch witness =
                    cluster.stream().filter(n -> n != victim).findFirst().orElseThrow();
            long docsBefore = witness.count();
            int hooksBefore = hooks.distinct(HOOK);
            int killed = victim.kill9();
            Instant killedAt = Instant.now();
            boolean yellow = AppSteps.await(
                    Duration.ofSeconds(60),
                    () -> witness.nodesSeen() == 2 && witness.health().equals("yellow"));
            Instant yellowAt = Instant.now();
            int searches = 0;
            int searchFailures = 0;
            List<String> failures = new ArrayList<>();
            Map<String, Instant> healthSeen = new LinkedHashMap<>();
            while (Duration.between(killedAt, Instant.now()).compareTo(ES_DOWN) < 0) {
                healthSeen.putIfAbsent(witness.health() + " (" + witness.nodesSeen() + " nodes)", Instant.now());
                for (OutpostApi api : List.of(apiA, apiB)) {
                    searches++;
                    try {
                        int status = api.get("/api/v1/articles?q=border&size=5").status();
                        if (status != 200) {
                            searchFailures++;
                            failures.add("HTTP " + status);
                        }
                    } catch (RuntimeException e) {
                        searchFailures++;
                        failures.add(e.getMessage());
                    }
                }
                AppSteps.sleep(Duration.ofSeconds(3));
            }
            long docsWhileDown = witness.count();
            int hooksWhileDown = hooks.distinct(HOOK);
            String healthWhileDown = witness.health();
            Instant restarting = Instant.now();
            victim.startNode();
            Instant restartedAt = Instant.now();
            boolean green = AppSteps.await(
                    Duration.ofMinutes(4),
                    () -> witness.nodesSeen() == 3 && witness.health().equals("green"));
            Instant greenAt = Instant.now();
            result.check(
                    "Elasticsearch node " + victim.name() + " (holding the article index's primary) killed: the cluster"
                            + " goes yellow",
                    "green before; yellow with 2 nodes within 60 s",
                    (greenBefore ? "green" : "not green") + " before; " + killed + " processes killed; "
                            + (yellow ? "yellow " + AppSteps.seconds(killedAt, yellowAt) + " after" : "not yellow")
                            + "; seen while down: "
                            + healthSeen.entrySet().stream()
                                    .map(e -> e.getKey() + " from " + AppSteps.seconds(killedAt, e.getValue()))
                                    .collect(Collectors.joining(", "))
                            + "; " + healthWhileDown + " at the end of the " + ES_DOWN.toSeconds() + " s down",
                    greenBefore && killed > 0 && yellow);
            result.check(
                    "search on A and B while the node was down",
                    "every search answered 200",
                    (searches - searchFailures) + " of " + searches + " answered 200"
                            + (failures.isEmpty() ? "" : " (" + failures.getFirst() + ")"),
                    searchFailures == 0 && searches > 0);
            result.check(
                    "ingest and alerts went on while the node was down",
                    "documents and webhooks received grew",
                    "documents " + docsBefore + " → " + docsWhileDown + ", webhook deliveries " + hooksBefore + " → "
                            + hooksWhileDown,
                    docsWhileDown > docsBefore && hooksWhileDown > hooksBefore);
            result.check(
                    "node restarted: the cluster is green again",
                    "3 nodes, green within 4 min",
                    "node up again " + AppSteps.seconds(restarting, restartedAt) + " after its start; "
                            + (green
                                    ? "3 nodes and green " + AppSteps.seconds(restartedAt, greenAt) + " later"
                                    : "not green"),
                    green);
        }

        // ---------------------------------------------------------------- phase 3

        private void killPhase(OutpostApi apiB) throws Exception {
            Instant added = Instant.now();
            bigAddedAt = added;
            for (int k = 0; k < BIG_SITES; k++) {
                addSource(apiB, "Big " + (k + 1), "SITEMAP", big.url(k, "/sitemap.xml"), "PT6H");
            }
            // A must be crawling a big site (its User-Agent on article pages, the site not done) and
            // holding deliveries (rows SENDING) when it dies
            boolean midway = AppSteps.await(
                    Duration.ofMinutes(4), () -> !bigSitesCrawledBy("A", 30).isEmpty() && sendingNow() > 0);
            Set<String> aSites = bigSitesCrawledBy("A", 1);
            long sendingAtKill = sendingNow();
            a.kill9();
            Instant killedAt = Instant.now();
            result.check(
                    "instance A killed mid-crawl and mid-delivery",
                    "A fetching a big site, deliveries being sent",
                    "A was crawling " + aSites.size() + " of " + BIG_SITES + " big sites, " + sendingAtKill
                            + " deliveries SENDING, " + AppSteps.seconds(added, killedAt) + " after they were added",
                    midway && !aSites.isEmpty());

            // claims still held after 5 s, taken before the kill: B's own sends take well under a second
            AppSteps.sleep(Duration.ofSeconds(5));
            List<Long> stranded = new ArrayList<>();
            try (AppDatabase db = database()) {
                for (Object[] row : db.rows("select id, claimed_at from alert_delivery where status = 'SENDING'")) {
                    if (row[1] instanceof Instant claimedAt && claimedAt.isBefore(killedAt)) {
                        stranded.add(((Number) row[0]).longValue());
                    }
                }
            }
            String strandedIds = stranded.stream().map(String::valueOf).collect(Collectors.joining(","));
            boolean taken = stranded.isEmpty()
                    || AppSteps.await(
                            Duration.ofMinutes(3),
                            () -> countWhere("status = 'SENT' and id in (" + strandedIds + ")") == stranded.size());
            Instant takenAt = Instant.now();
            result.check(
                    "deliveries claimed by A taken over and sent by B",
                    "every one, within the claim timeout (" + CLAIM_TIMEOUT.toSeconds() + " s) + 30 s",
                    stranded.size() + " claimed by A at its death; "
                            + (taken
                                    ? "all SENT " + AppSteps.seconds(killedAt, takenAt) + " after the kill"
                                    : "not all sent"),
                    !stranded.isEmpty()
                            && taken
                            && Duration.between(killedAt, takenAt).compareTo(CLAIM_TIMEOUT.plusSeconds(30)) <= 0);

            Map<String, Duration> takeover = new TreeMap<>();
            AppSteps.await(Duration.ofMinutes(4), () -> {
                for (String site : aSites) {
                    requests
                            .where(r -> r.site().equals(site)
                                    && r.articlePage()
                                    && r.at().isAfter(killedAt)
                                    && instanceOf(r.userAgent()).equals("B"))
                            .stream()
                            .findFirst()
                            .ifPresent(r -> takeover.putIfAbsent(site, Duration.between(killedAt, r.at())));
                }
                return takeover.keySet().containsAll(aSites);
            });
            Duration slowest =
                    takeover.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
            Duration bound = CRAWL_LEASE.plusSeconds(60);
            result.check(
                    "crawls of A taken over by B",
                    "every site A was crawling fetched by B within the lease (" + CRAWL_LEASE.toSeconds()
                            + " s) + 60 s",
                    takeover.size() + " of " + aSites.size() + " sites, slowest after " + AppSteps.seconds(slowest),
                    takeover.keySet().containsAll(aSites) && slowest.compareTo(bound) <= 0);

            int expectedBig = big.publishedEverywhere(Instant.now());
            boolean complete = AppSteps.await(Duration.ofMinutes(5), () -> bigUrlsIndexed() >= expectedBig);
            Instant completeAt = Instant.now();
            boolean settled = AppSteps.await(Duration.ofMinutes(4), () -> AppSteps.unsettledDeliveries(apiB) == 0);
            result.check(
                    "big sites complete after the take-over",
                    expectedBig + " articles indexed within 5 min",
                    bigUrlsIndexed() + " indexed, " + AppSteps.seconds(killedAt, completeAt) + " after the kill",
                    complete);
            result.check("deliveries settled", "none pending or sending", settled ? "none" : "still some", settled);
        }

        /** Big sites whose article pages the instance fetched (at least {@code pages}), the site not yet complete. */
        private Set<String> bigSitesCrawledBy(String instance, int pages) {
            Map<String, Set<String>> byInstance = new HashMap<>();
            Map<String, Set<String>> all = new HashMap<>();
            for (SiteRequestLog.Request r : requests.where(r -> r.articlePage() && r.status() == 200)) {
                all.computeIfAbsent(r.site(), s -> new java.util.HashSet<>()).add(r.path());
                if (instanceOf(r.userAgent()).equals(instance)) {
                    byInstance
                            .computeIfAbsent(r.site(), s -> new java.util.HashSet<>())
                            .add(r.path());
                }
            }
            Set<String> out = new java.util.TreeSet<>();
            for (int k = 0; k < BIG_SITES; k++) {
                String site = big.url(k, "");
                int done = all.getOrDefault(site, Set.of()).size();
                if (byInstance.getOrDefault(site, Set.of()).size() >= pages && done < big.published(k, Instant.now())) {
                    out.add(site);
                }
            }
            return out;
        }

        private long bigUrlsIndexed() {
            Set<String> origins = new java.util.HashSet<>();
            for (int k = 0; k < BIG_SITES; k++) {
                origins.add(big.url(k, ""));
            }
            return cluster.getFirst().documents().stream()
                    .map(DrillElasticsearch.Doc::url)
                    .filter(u -> origins.stream().anyMatch(u::startsWith))
                    .distinct()
                    .count();
        }

        private long sendingNow() {
            return countWhere("status = 'SENDING'");
        }

        private long countWhere(String condition) {
            try (AppDatabase db = database()) {
                return db.count("select count(*) from alert_delivery where " + condition);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        // ---------------------------------------------------------------- verdict

        private void verdict(String steadyRuns) throws Exception {
            DrillElasticsearch es = cluster.getFirst();
            List<DrillElasticsearch.Doc> docs = es.documents();
            Map<String, String> crawledBy = crawledByUrl();
            try (AppDatabase db = database()) {
                runChecks(db);
                indexChecks(es, docs, crawledBy);
                matchLatency(db, docs, crawledBy);
                deliveryChecks(db);
                reportCheck(db);
                result.checkEqual("event publications left unfinished (registry)", 0L, db.unfinishedPublications());
            }
            result.note("Article pages fetched, by instance: "
                    + requests.where(r -> r.articlePage()).stream()
                            .collect(Collectors.groupingBy(
                                    r -> instanceOf(r.userAgent()), TreeMap::new, Collectors.counting()))
                    + "; runs by trigger and status (steady sources, before B stopped): " + steadyRuns
                    + ". Load average (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: " + load()
                    + " (2 cores, shared with other work).");
        }

        /** No two runs of one source at once: a run starts after the previous one's last sign of life. */
        private void runChecks(AppDatabase db) throws Exception {
            List<Object[]> runs = db.rows("select id, source_id, started_at, coalesce(case when status = 'INTERRUPTED'"
                    + " then heartbeat_at end, finished_at, heartbeat_at), status from crawl_run order by source_id,"
                    + " started_at, id");
            int overlaps = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 1; i < runs.size(); i++) {
                Object[] prev = runs.get(i - 1);
                Object[] next = runs.get(i);
                if (prev[1].equals(next[1]) && ((Instant) next[2]).isBefore((Instant) prev[3])) {
                    overlaps++;
                    examples.add("runs " + prev[0] + " and " + next[0]);
                }
            }
            Map<String, Long> statuses = db.runStatuses();
            result.check(
                    "every source crawled by one instance at a time (database)",
                    "0 overlapping runs of one source",
                    overlaps + " overlapping in " + runs.size() + " runs " + statuses
                            + (examples.isEmpty() ? "" : " (" + examples.getFirst() + ")"),
                    overlaps == 0 && runs.size() > 0);
            result.checkEqual("runs left RUNNING", 0L, statuses.getOrDefault("RUNNING", 0L));

            // each article-page fetch belongs to the run of its source that had started last
            Map<String, Long> sourceBySite = new HashMap<>();
            for (Object[] s : db.rows("select id, url from crawl_source")) {
                String url = (String) s[1];
                sourceBySite.put(url.substring(0, url.indexOf('/', "http://".length())), ((Number) s[0]).longValue());
            }
            Map<Long, List<Object[]>> runsBySource = new HashMap<>();
            for (Object[] r : runs) {
                runsBySource
                        .computeIfAbsent(((Number) r[1]).longValue(), k -> new ArrayList<>())
                        .add(r);
            }
            Map<String, Integer> fetchesPerRunAndPage = new HashMap<>();
            int fetches = 0;
            for (SiteRequestLog.Request r : requests.where(SiteRequestLog.Request::articlePage)) {
                Long source = sourceBySite.get(r.site());
                if (source == null) {
                    continue;
                }
                Object run = null;
                for (Object[] candidate : runsBySource.getOrDefault(source, List.of())) {
                    if (!((Instant) candidate[2]).isAfter(r.at().plusMillis(50))) {
                        run = candidate[0];
                    }
                }
                fetches++;
                fetchesPerRunAndPage.merge(run + " " + r.url(), 1, Integer::sum);
            }
            long twice =
                    fetchesPerRunAndPage.values().stream().filter(n -> n > 1).count();
            result.check(
                    "no article page fetched twice in one run (sites' request log)",
                    "0 pages",
                    twice + " of " + fetchesPerRunAndPage.size() + " (run, page) pairs, " + fetches + " fetches",
                    twice == 0 && fetches > 0);
        }

        private void indexChecks(
                DrillElasticsearch es, List<DrillElasticsearch.Doc> docs, Map<String, String> crawledBy) {
            long distinct = es.distinctUrls();
            result.checkEqual("no article indexed twice: documents = distinct URLs", (long) docs.size(), distinct);
            result.checkEqual("URLs held by two documents", 0, es.urlsIndexedTwice());
            Set<String> indexed = docs.stream().map(DrillElasticsearch.Doc::url).collect(Collectors.toSet());
            long fetchedNotIndexed = crawledBy.keySet().stream()
                    .filter(u -> !indexed.contains(u))
                    .count();
            result.check(
                    "nothing lost: every article page fetched is in the index",
                    "0 missing",
                    fetchedNotIndexed + " of " + crawledBy.size() + " fetched URLs missing",
                    fetchedNotIndexed == 0);
        }

        /** Match time − index time for the articles instance B crawled, subscription created on A. */
        private void matchLatency(AppDatabase db, List<DrillElasticsearch.Doc> docs, Map<String, String> crawledBy)
                throws Exception {
            Map<String, Instant> matched = new HashMap<>();
            for (Object[] row : db.rows("select a.story_id, min(d.created_at) from alert_delivery d join"
                    + " alert_delivery_article a on a.delivery_id = d.id where d.channel = '"
                    + webhookChannel.replace("'", "''") + "' group by a.story_id")) {
                matched.put(String.valueOf(row[0]), (Instant) row[1]);
            }
            // steady: both instances crawling the sites that keep publishing, what the goal is about; burst: the
            // 1,000 articles of the big sites within a minute or two while A dies, matching's throughput on 2 cores
            List<Long> steadyMillis = new ArrayList<>();
            List<Long> burstMillis = new ArrayList<>();
            int steadyMissing = 0;
            int burstMissing = 0;
            for (DrillElasticsearch.Doc d : docs) {
                if (d.copy()
                        || !d.language().equals(AppSteps.EVERYTHING_LANGUAGE)
                        || d.indexedAt().isBefore(subscribedAt)
                        || !"B".equals(crawledBy.get(d.url()))) {
                    continue;
                }
                boolean steady = d.indexedAt().isBefore(bigAddedAt);
                Instant at = matched.get(d.id());
                if (at == null) {
                    if (steady) {
                        steadyMissing++;
                    } else {
                        burstMissing++;
                    }
                } else {
                    (steady ? steadyMillis : burstMillis)
                            .add(Duration.between(d.indexedAt(), at).toMillis());
                }
            }
            Stats steady = Stats.of(steadyMillis);
            result.check(
                    "subscription created on A matches articles crawled by B (delivery created − indexed), steady"
                            + " publishing",
                    "every one; p95 and max ≤ " + MATCH_GOAL.toSeconds() + " s",
                    (steadyMillis.size() + steadyMissing) + " stories crawled by B: " + steadyMillis.size()
                            + " matched (" + steady + "), " + steadyMissing + " not",
                    steadyMissing == 0 && !steadyMillis.isEmpty() && steady.max() <= MATCH_GOAL.toMillis());
            result.check(
                    "… and during the burst of the big sites (1,000 articles, A killed meanwhile)",
                    "every one (times reported: matching's throughput on this machine)",
                    (burstMillis.size() + burstMissing) + " stories crawled by B: " + burstMillis.size() + " matched ("
                            + Stats.of(burstMillis) + "), " + burstMissing + " not",
                    burstMissing == 0 && !burstMillis.isEmpty());
        }

        private void deliveryChecks(AppDatabase db) throws Exception {
            long plannedHooks = db.deliveries(webhookChannel);
            long plannedMails = db.deliveries("email:");
            result.checkEqual(
                    "webhook deliveries SENT (database)",
                    Map.of("SENT", plannedHooks),
                    db.deliveryStatuses(webhookChannel));
            result.checkEqual(
                    "email deliveries SENT (database)", Map.of("SENT", plannedMails), db.deliveryStatuses("email:"));
            result.checkEqual(
                    "webhook: distinct delivery ids received = planned", plannedHooks, (long) hooks.distinct(HOOK));
            result.checkEqual(
                    "webhook: stories received under two delivery ids (a story sent twice)",
                    0,
                    hooks.storiesInSeveralDeliveries(HOOK));
            Map<String, Integer> mails = new HashMap<>();
            smtp.countsById().forEach((id, n) -> {
                if (id.startsWith("<delivery-")) {
                    mails.put(id, n);
                }
            });
            result.checkEqual("email: distinct Message-IDs received = planned", plannedMails, (long) mails.size());
            int hookResent = hooks.repeats(HOOK);
            int mailResent = mails.values().stream().mapToInt(n -> n - 1).sum();
            result.check(
                    "sent again with the same id (at-least-once at A's SIGKILL: sent, not yet recorded)",
                    "≤ " + 2 * SENDER_THREADS + " (A's sender threads, webhook + email)",
                    hookResent + " webhook + " + mailResent + " email",
                    hookResent + mailResent <= 2 * SENDER_THREADS);
            result.note("Deliveries: " + plannedHooks + " webhook, " + plannedMails + " email planned; received "
                    + hooks.received(HOOK) + " webhook POSTs for " + hooks.distinct(HOOK) + " ids, "
                    + smtp.messageIds().size() + " emails.");
        }

        private void reportCheck(AppDatabase db) throws Exception {
            Map<String, Long> runs = db.grouped(
                    "select trigger_kind || ' ' || status, count(*) from report_run group by trigger_kind, status");
            long mails = smtp.mails().stream()
                    .filter(m -> m.to().contains(REPORTS_TO) && !m.subject().contains("Confirm"))
                    .count();
            long scheduled = runs.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("SCHEDULED"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            result.check(
                    "scheduled report sent once",
                    "1 scheduled run, 1 email",
                    "runs " + runs + ", " + mails + " email(s) to " + REPORTS_TO,
                    scheduled == 1 && mails == 1);
        }

        /** Article URL → the instance whose User-Agent fetched it first with 200. */
        private Map<String, String> crawledByUrl() {
            Map<String, String> out = new HashMap<>();
            for (SiteRequestLog.Request r : requests.where(r -> r.articlePage() && r.status() == 200)) {
                out.putIfAbsent(r.url(), instanceOf(r.userAgent()));
            }
            return out;
        }

        private AppDatabase database() throws java.sql.SQLException {
            return AppDatabase.connect(pg.jdbcUrl("outpost"), pg.user(), pg.password());
        }
    }

    /** Count, p95 and max of a list of milliseconds. */
    record Stats(int count, long p95, long max) {
        static Stats of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Stats(0, 0, 0);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            int index = (int) Math.ceil(0.95 * sorted.size()) - 1;
            return new Stats(sorted.size(), sorted.get(Math.max(0, index)), sorted.getLast());
        }

        @Override
        public String toString() {
            return count == 0 ? "none" : "p95 " + p95 + " ms, max " + max + " ms";
        }
    }
}
