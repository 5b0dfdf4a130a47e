package org.outpost.benchmarks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.benchmarks.workload.ReaderQueries;

/**
 * One simulated reader speaking Vaadin Flow's own protocol over HTTP, as the browser's Flow client
 * does, so the server does all the work a real page load causes: its own HTTP session and form
 * login; per page the document request, {@code ?v-r=init} (a new UI in the session), the
 * {@code ui-navigate} event in a UIDL request (the view is built, its searches run, its background
 * loads start) and then empty UIDL requests every {@value #POLL_MS} ms until the view's data has
 * arrived. A browser gets that last part over its WebSocket push connection at once; polling
 * instead costs at most {@value #POLL_MS} ms more per page and a few more, cheap, requests.
 * Static resources (the JavaScript bundle, styles) are not fetched: a returning reader's browser
 * has them cached. Leaving a page sends Flow's unload beacon ({@code UNLOAD}), as the browser
 * does on {@code pagehide}, so the server closes that UI at once instead of keeping it until its
 * heartbeats stop (15 minutes: without the beacon, 50 readers kept about 1,500 views, 730 MB). The page counts as loaded when the data is in the answers: topic cards and
 * latest articles on the overview; article cards and facet counts on Explore.
 */
final class VaadinUser implements Runnable {

    static final int POLL_MS = 100;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FACET_COUNT =
            Pattern.compile("\"key\":\"label\",\"feat\":\\d+,\"value\":\"[^\"]*\\(\\d[\\d,]*\\)\"");
    private static final List<String> RANGES = List.of("24h", "7d", "7d", "30d", "90d");

    private final URI base;
    private final String user;
    private final String password;
    private final RequestLog log;
    private final RequestLog pages;
    private final SplittableRandom random;
    private final BooleanSupplier running;
    private final Duration thinkMin;
    private final Duration thinkMax;
    private final HttpClient http;
    /** The UI of the page on screen, closed with a beacon when the reader moves on. */
    private Uidl open;

    VaadinUser(
            URI base,
            String user,
            String password,
            RequestLog log,
            RequestLog pages,
            long seed,
            BooleanSupplier running,
            Duration thinkMin,
            Duration thinkMax) {
        this.base = base;
        this.user = user;
        this.password = password;
        this.log = log;
        this.pages = pages;
        this.random = new SplittableRandom(seed);
        this.running = running;
        this.thinkMin = thinkMin;
        this.thinkMax = thinkMax;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void run() {
        // readers do not all arrive in the same second
        think();
        while (running.getAsBoolean() && !logIn()) {
            think();
        }
        while (running.getAsBoolean()) {
            if (random.nextInt(5) < 3) {
                overview();
            } else {
                explore();
            }
            think();
        }
    }

    /** The login form: its page (for the CSRF token and the session), then the form post. */
    boolean logIn() {
        try {
            String page = send("login page", get("/login")).body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                log.error("login", "no CSRF token on the login page");
                return false;
            }
            String form =
                    "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> response = send(
                    "login",
                    request("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    302);
            String location = response.headers().firstValue("Location").orElse("");
            if (location.contains("error")) {
                log.error("login", "refused: " + location);
                return false;
            }
            return true;
        } catch (PageFailed e) {
            return false;
        }
    }

    void overview() {
        String query = "range=" + RANGES.get(random.nextInt(RANGES.size()))
                + (random.nextInt(3) == 0
                        ? "&topic=" + ReaderQueries.TOPICS.get(random.nextInt(ReaderQueries.TOPICS.size()))
                        : "");
        page("overview", "", query, text -> text.contains("topic-card") && text.contains("latest-article"));
    }

    void explore() {
        String query = "q=" + encode(ReaderQueries.WORDS.get(random.nextInt(ReaderQueries.WORDS.size()))) + "&topic="
                + ReaderQueries.TOPICS.get(random.nextInt(ReaderQueries.TOPICS.size()))
                + (random.nextBoolean() ? "&sort=newest" : "");
        // a search can rightly find nothing: then the empty state is the drawn result, and no facets are counted
        page(
                "explore",
                "explore",
                query,
                text -> (text.contains("article-card")
                                && FACET_COUNT.matcher(text).find())
                        || text.contains("No articles match these filters"));
    }

    /** One page load, timed from the document request to the answer that brings the view's data. */
    private void page(String kind, String route, String query, java.util.function.Predicate<String> drawn) {
        leave();
        long start = System.nanoTime();
        try {
            send(kind + ": document", get("/" + route + (query.isEmpty() ? "" : "?" + query)));
            JsonNode init = JSON.readTree(
                    send(kind + ": v-r=init", get("/?v-r=init&location=" + encode(route) + "&query=" + encode(query)))
                            .body());
            JsonNode config = init.path("appConfig");
            Uidl uidl = new Uidl(
                    config.path("v-uiId").asInt(),
                    config.path("uidl").path("Vaadin-Security-Key").asText(),
                    config.path("uidl").path("syncId").asInt());
            open = uidl;
            ObjectNode navigate =
                    JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
            navigate.putObject("data")
                    .put("route", route)
                    .put("query", query)
                    .put("appShellTitle", "")
                    .put("trigger", "")
                    .putObject("historyState")
                    .put("idx", 0);
            StringBuilder answers = new StringBuilder(uidl.send(kind + ": UIDL navigate", navigate));
            while (!drawn.test(answers.toString())) {
                if (System.nanoTime() - start > PAGE_TIMEOUT.toNanos()) {
                    throw new PageFailed("data not drawn within " + PAGE_TIMEOUT.toSeconds() + " s");
                }
                sleep(POLL_MS);
                answers.append(uidl.send(kind + ": UIDL poll", null));
            }
            pages.ok(kind, (System.nanoTime() - start) / 1e6);
        } catch (PageFailed | IOException e) {
            pages.error(kind, e.getMessage());
        }
    }

    /** Flow's unload beacon for the page being left: the server closes its UI now. */
    private void leave() {
        if (open == null) {
            return;
        }
        Uidl closing = open;
        open = null;
        try {
            closing.unload();
        } catch (PageFailed e) {
            // logged as a failed request; the UI then expires with its heartbeats
        }
    }

    /** A UI's UIDL channel: the security key, the server's last sync id, the client's message counter. */
    private final class Uidl {
        private final int uiId;
        private final String key;
        private int syncId;
        private int clientId;

        Uidl(int uiId, String key, int syncId) {
            this.uiId = uiId;
            this.key = key;
            this.syncId = syncId;
        }

        void unload() {
            ObjectNode body = JSON.createObjectNode().put("csrfToken", key).put("UNLOAD", true);
            body.putArray("rpc");
            body.put("syncId", syncId).put("clientId", clientId++);
            VaadinUser.this.send(
                    "unload beacon",
                    request("/?v-r=uidl&v-uiId=" + uiId)
                            .header("Content-Type", "text/plain;charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        String send(String kind, JsonNode rpc) {
            ObjectNode body = JSON.createObjectNode().put("csrfToken", key);
            var calls = body.putArray("rpc");
            if (rpc != null) {
                calls.add(rpc);
            }
            body.put("syncId", syncId).put("clientId", clientId++);
            String text = VaadinUser.this
                    .send(
                            kind,
                            request("/?v-r=uidl&v-uiId=" + uiId)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())))
                    .body();
            // older Flow versions prefix the JSON with for(;;); against JSON hijacking
            String json = text.startsWith("for(;;);") ? text.substring(8) : text;
            try {
                JsonNode answer = JSON.readTree(json);
                JsonNode message = answer.isArray() ? answer.path(0) : answer;
                if (message.has("syncId")) {
                    syncId = message.get("syncId").asInt();
                }
                if (message.has("meta") && message.get("meta").has("sessionExpired")) {
                    throw fail(kind, "session expired");
                }
            } catch (IOException e) {
                throw fail(kind, "not JSON: " + json.substring(0, Math.min(200, json.length())));
            }
            return json;
        }
    }

    private HttpResponse<String> send(String kind, HttpRequest.Builder request) {
        return send(kind, request, 200);
    }

    private HttpResponse<String> send(String kind, HttpRequest.Builder request, int expected) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != expected) {
                throw fail(kind, "HTTP " + response.statusCode());
            }
            log.ok(kind, ms);
            return response;
        } catch (HttpTimeoutException e) {
            throw fail(kind, "timeout");
        } catch (IOException e) {
            throw fail(kind, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(kind, "interrupted");
        }
    }

    private PageFailed fail(String kind, String why) {
        log.error(kind, why);
        return new PageFailed(kind + ": " + why);
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(PAGE_TIMEOUT);
    }

    private void think() {
        long min = thinkMin.toMillis();
        long max = thinkMax.toMillis();
        sleep(min + (max > min ? random.nextLong(max - min) : 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A page that could not be loaded; the request that failed is already logged. */
    private static final class PageFailed extends RuntimeException {
        PageFailed(String message) {
            super(message, null, false, false);
        }
    }
}
