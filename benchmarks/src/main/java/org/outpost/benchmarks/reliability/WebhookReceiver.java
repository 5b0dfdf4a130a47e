package org.outpost.benchmarks.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint in the drill's own JVM, so it outlives the app's SIGKILL and counts every
 * POST by its {@code X-Outpost-Delivery} id: a drill sees both how many distinct deliveries
 * arrived and whether any arrived twice. A POST counts as received once its body is read, before
 * the optional answer delay: that is the moment a real receiver has the message, whether or not
 * the app lives to hear the answer.
 */
public final class WebhookReceiver implements AutoCloseable {

    static final String DELIVERY_HEADER = "X-Outpost-Delivery";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpServer server;
    private final String host;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Duration answerDelay;
    private final Map<String, Map<String, AtomicInteger>> byPath = new ConcurrentHashMap<>();
    /** Per path and delivery id, the stories each POST carried: one id with two story lists is an id reused. */
    private final Map<String, Map<String, java.util.Set<String>>> storiesByPath = new ConcurrentHashMap<>();

    private final AtomicInteger posts = new AtomicInteger();
    private volatile java.util.function.BiConsumer<java.time.Instant, byte[]> listener = (at, body) -> {};

    /**
     * Hands every POST's body, with the moment it was read, to {@code listener} (on the receiver's
     * threads): a benchmark that times each alert's arrival reads them there.
     */
    public void onPost(java.util.function.BiConsumer<java.time.Instant, byte[]> listener) {
        this.listener = listener;
    }

    private final AtomicInteger withoutId = new AtomicInteger();

    /** @param answerDelay how long each answer waits after the body was read (a slow receiver widens the crash window) */
    public WebhookReceiver(Duration answerDelay) {
        this(answerDelay, "127.0.0.1");
    }

    /** @param host the local address to listen on (a drill with the app's address policy in force needs a public one) */
    WebhookReceiver(Duration answerDelay, String host) {
        this.answerDelay = answerDelay;
        this.host = host;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address of one hook; each path is counted on its own. */
    public String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    int posts() {
        return posts.get();
    }

    int postsWithoutId() {
        return withoutId.get();
    }

    /** Distinct delivery ids received on a path. */
    int distinct(String path) {
        return ids(path).size();
    }

    /** POSTs received on a path, repeats included. */
    int received(String path) {
        return ids(path).values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** POSTs beyond the first for their delivery id, on a path. */
    int repeats(String path) {
        return received(path) - distinct(path);
    }

    /** Delivery ids that arrived with different stories in different POSTs: an id given to two deliveries. */
    int idsWithDifferentStories(String path) {
        return (int) storiesByPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).values().stream()
                .filter(stories -> stories.size() > 1)
                .count();
    }

    /**
     * Stories that arrived under more than one delivery id on a path: one story sent twice as two
     * deliveries (a re-send of the same delivery keeps its id and is counted by {@link #repeats}).
     */
    int storiesInSeveralDeliveries(String path) {
        Map<String, java.util.Set<String>> deliveriesByStory = new java.util.HashMap<>();
        storiesByPath
                .computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                .forEach((id, bodies) -> bodies.forEach(body -> {
                    for (String story : body.split(" ")) {
                        if (!story.isBlank()) {
                            deliveriesByStory
                                    .computeIfAbsent(story, k -> new java.util.HashSet<>())
                                    .add(id);
                        }
                    }
                }));
        return (int) deliveriesByStory.values().stream()
                .filter(deliveries -> deliveries.size() > 1)
                .count();
    }

    /** Every delivery id received on a path, with how often. */
    Map<String, Integer> countsById(String path) {
        Map<String, Integer> out = new java.util.HashMap<>();
        ids(path).forEach((id, count) -> out.put(id, count.get()));
        return out;
    }

    private Map<String, AtomicInteger> ids(String path) {
        return byPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            listener.accept(java.time.Instant.now(), body);
            String id = exchange.getRequestHeaders().getFirst(DELIVERY_HEADER);
            String path = exchange.getRequestURI().getPath();
            posts.incrementAndGet();
            if (id == null) {
                withoutId.incrementAndGet();
            } else {
                ids(path).computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                storiesByPath
                        .computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                        .computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet())
                        .add(stories(body));
            }
            if (!answerDelay.isZero()) {
                Thread.sleep(answerDelay);
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The story ids a webhook body carries, in order, as one string. */
    private static String stories(byte[] body) {
        try {
            StringBuilder out = new StringBuilder();
            JSON.readTree(body)
                    .path("articles")
                    .forEach(a -> out.append(a.path("story_id").asText()).append(' '));
            return out.toString();
        } catch (IOException e) {
            return "unreadable body";
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
