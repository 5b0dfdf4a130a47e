package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.benchmarks.app.FreePort;
import org.outpost.core.elasticsearch.ClusterMembership;
import org.outpost.core.elasticsearch.DistributionLocator;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;

/**
 * An Elasticsearch node the drill runs itself (the app's own launcher and distribution) on a
 * fixed port, so it survives the app's SIGKILL, can be counted while the app is down, and can
 * itself be killed and started again on the same data and address the app was given. Also the
 * drill's view of the article index: counts taken over plain HTTP, independent of the app.
 */
public final class DrillElasticsearch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALIAS = "outpost-articles";

    private final Path root;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private LocalElasticsearchNode node;
    /** Set for a member of a cluster of drill nodes; after its first start, without bootstrapping. */
    private @Nullable ClusterMembership membership;

    private DrillElasticsearch(Path root, int port) {
        this.root = root;
        this.port = port;
    }

    /**
     * A cluster of {@code nodes} drill nodes on loopback ({@code es-1} …, each in its own folder
     * under {@code root} with its own HTTP and transport ports), started side by side: a member
     * reports health only once a majority of them has elected a master.
     */
    static List<DrillElasticsearch> startCluster(Path root, int nodes) throws InterruptedException {
        List<Integer> transportPorts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            transportPorts.add(FreePort.onLoopback());
            names.add("es-" + i);
        }
        List<DrillElasticsearch> members = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            DrillElasticsearch member = new DrillElasticsearch(root.resolve(names.get(i)), FreePort.onLoopback());
            member.membership =
                    new ClusterMembership("outpost-drill", names.get(i), transportPorts.get(i), transportPorts, names);
            members.add(member);
        }
        List<Thread> starting = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (DrillElasticsearch member : members) {
            starting.add(Thread.ofPlatform()
                    .name("start-" + member.root.getFileName())
                    .start(() -> {
                        try {
                            member.startNode();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }));
        }
        for (Thread t : starting) {
            t.join();
        }
        if (!failures.isEmpty()) {
            members.forEach(DrillElasticsearch::close);
            throw failures.getFirst();
        }
        return members;
    }

    String name() {
        return root.getFileName().toString();
    }

    public static DrillElasticsearch start(Path root) {
        DrillElasticsearch es = new DrillElasticsearch(root, FreePort.onLoopback());
        es.startNode();
        return es;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the node (again) on the same data folder and port. */
    void startNode() {
        if (node != null) {
            node.close(); // a killed node: only its pid file and shutdown hook are left to clear
        }
        LocalNodeSettings settings = LocalNodeSettings.of(DistributionLocator.locate(null), root)
                .withHttpPort(port)
                .withHeap("512m")
                .withStartTimeout(Duration.ofMinutes(4));
        if (membership == null) {
            node = LocalElasticsearchNode.start(settings);
        } else {
            node = LocalElasticsearchNode.startMember(settings, membership);
            membership = membership.rejoining();
        }
    }

    /** The cluster's health as this node sees it: {@code green}, {@code yellow}, {@code red}, or the error. */
    String health() {
        try {
            return get("/_cluster/health?timeout=5s").path("status").asText("unknown");
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }

    /** How many nodes this node sees in the cluster; -1 when it does not answer. */
    int nodesSeen() {
        try {
            return get("/_cluster/health?timeout=5s").path("number_of_nodes").asInt(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The name of the node holding a primary shard of the article index (the first one listed). */
    String primaryNode() {
        JsonNode shards = get("/_cat/shards/" + ALIAS + "?format=json&h=prirep,state,node");
        for (JsonNode shard : shards) {
            if (shard.path("prirep").asText().equals("p")
                    && shard.path("state").asText().equals("STARTED")) {
                return shard.path("node").asText();
            }
        }
        return "";
    }

    /** Cluster settings, e.g. to lift the disk watermarks on a shared machine. */
    void putClusterSetting(String key, String value) {
        send(HttpRequest.newBuilder(url().resolve("/_cluster/settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"persistent\":{\"" + key + "\":\"" + value + "\"}}")));
    }

    /** One document of the article index, as the drill reads it. */
    record Doc(String id, String url, java.time.Instant indexedAt, String language, boolean copy) {}

    /** Every document of the article index (up to 10,000: the drill's corpus is smaller). */
    List<Doc> documents() {
        refresh();
        JsonNode hits = post(
                        "/" + ALIAS + "/_search",
                        "{\"size\":10000,\"_source\":[\"id\",\"url\",\"indexed_at\",\"language\",\"duplicate_of\"]}")
                .path("hits")
                .path("hits");
        List<Doc> out = new ArrayList<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            out.add(new Doc(
                    source.path("id").asText(hit.path("_id").asText()),
                    source.path("url").asText(),
                    java.time.Instant.parse(source.path("indexed_at").asText()),
                    source.path("language").asText(""),
                    source.hasNonNull("duplicate_of")));
        }
        return out;
    }

    /**
     * SIGKILL to every process of the node: the launcher, its script and the server JVM, found
     * among this JVM's descendants by the node's folder in their command line, so nothing else
     * on the machine is touched.
     *
     * @return how many processes were killed
     */
    int kill9() {
        String marker = root.toAbsolutePath().toString();
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    tree.add(p);
                    p.descendants().forEach(tree::add);
                });
        List<ProcessHandle> distinct = tree.stream().distinct().toList();
        // the server JVM first, so no parent restarts or reports anything in between
        distinct.reversed().forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : distinct) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Elasticsearch process " + p.pid() + " did not die", e);
            }
        }
        return distinct.size();
    }

    /** Documents in the article index after a refresh. */
    long count() {
        refresh();
        return get("/" + ALIAS + "/_count").path("count").asLong();
    }

    /** Documents in the index without a refresh (cheap enough to poll). */
    long countNow() {
        try {
            return get("/" + ALIAS + "/_count").path("count").asLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Documents that are no copy of another: each is one story, matched at most once per subscription. */
    long originals() {
        refresh();
        return post(
                        "/" + ALIAS + "/_count",
                        "{\"query\":{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"duplicate_of\"}}}}}")
                .path("count")
                .asLong();
    }

    /** Documents that are no copy, in one detected language: the stories a subscription filtered on it can match. */
    long originalsIn(String language) {
        refresh();
        return post(
                        "/" + ALIAS + "/_count",
                        "{\"query\":{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"duplicate_of\"}},"
                                + "\"filter\":{\"term\":{\"language\":\"" + language + "\"}}}}}")
                .path("count")
                .asLong();
    }

    /**
     * The originals (no copy of another) in one language indexed at or after {@code from}, by
     * article id, with the time the app indexed each: what an "everything" subscription in that
     * language is delivered, and from when its delivery latency counts.
     */
    java.util.Map<String, java.time.Instant> originalsIndexedSince(java.time.Instant from, String language) {
        refresh();
        JsonNode hits = post(
                        "/" + ALIAS + "/_search",
                        "{\"size\":10000,\"_source\":[\"id\",\"indexed_at\"],\"query\":{\"bool\":{"
                                + "\"must_not\":{\"exists\":{\"field\":\"duplicate_of\"}},\"filter\":["
                                + "{\"term\":{\"language\":\"" + language + "\"}},"
                                + "{\"range\":{\"indexed_at\":{\"gte\":\"" + from + "\"}}}]}}}")
                .path("hits")
                .path("hits");
        java.util.Map<String, java.time.Instant> out = new java.util.LinkedHashMap<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            String id = source.path("id").asText(hit.path("_id").asText());
            out.put(id, java.time.Instant.parse(source.path("indexed_at").asText()));
        }
        return out;
    }

    /** Documents marked as copies of another. */
    long copies() {
        refresh();
        return post("/" + ALIAS + "/_count", "{\"query\":{\"exists\":{\"field\":\"duplicate_of\"}}}")
                .path("count")
                .asLong();
    }

    /** URLs held by more than one document (a terms aggregation with min_doc_count 2: exact on one shard). */
    int urlsIndexedTwice() {
        refresh();
        JsonNode body = post(
                "/" + ALIAS + "/_search",
                "{\"size\":0,\"aggs\":{\"twice\":{\"terms\":{\"field\":\"url\","
                        + "\"min_doc_count\":2,\"size\":1000}}}}");
        return body.path("aggregations").path("twice").path("buckets").size();
    }

    /**
     * Distinct URLs, counted exactly by paging a composite aggregation over them. Not a {@code
     * cardinality} aggregation: below its precision threshold it still counts 32-bit hashes, and
     * one collision among 3,000 URLs once reported 2,999 for an index holding each URL once.
     */
    long distinctUrls() {
        refresh();
        long distinct = 0;
        String after = "";
        while (true) {
            JsonNode urls = post(
                            "/" + ALIAS + "/_search",
                            "{\"size\":0,\"aggs\":{\"urls\":{\"composite\":{\"size\":1000," + after
                                    + "\"sources\":[{\"url\":{\"terms\":{\"field\":\"url\"}}}]}}}}")
                    .path("aggregations")
                    .path("urls");
            int page = urls.path("buckets").size();
            distinct += page;
            if (page == 0 || urls.path("after_key").isMissingNode()) {
                return distinct;
            }
            after = "\"after\":" + urls.path("after_key") + ",";
        }
    }

    private void refresh() {
        post("/" + ALIAS + "/_refresh", "");
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(url().resolve(path)).GET());
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(url().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "Elasticsearch answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
    }
}
