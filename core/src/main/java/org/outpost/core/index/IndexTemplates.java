package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The composable index template of each mapping version ({@code PUT _index_template/<alias>-v<N>}, pattern
 * {@code <alias>-v<N>-*}: mapping, settings and, once the version serves, the read alias), and the period indices
 * created from it on demand: a new month needs no code, only its first article.
 */
final class IndexTemplates {

    /** Above the built-in templates (100) should a pattern ever overlap one. */
    private static final int PRIORITY = 500;

    private final ElasticsearchClient client;
    private final IndexSettings settings;
    /** Indices known to exist: a write to them skips the create request. */
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    IndexTemplates(ElasticsearchClient client, IndexSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Creates or replaces the template; {@code readAlias}: whether new indices join the read alias. */
    void put(IndexLayout layout, MappingVersion mapping, boolean readAlias) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode source = mapping.json();
        ObjectNode body = json.createObjectNode();
        body.putArray("index_patterns").add(layout.pattern());
        body.put("priority", PRIORITY);
        ObjectNode template = body.putObject("template");
        template.set("settings", settings(source.path("settings"), json));
        template.set("mappings", source.path("mappings"));
        if (readAlias) {
            template.putObject("aliases").putObject(layout.alias());
        }
        ObjectNode meta = body.putObject("_meta");
        meta.put("mapping_version", layout.version());
        byte[] bytes = json.writeValueAsBytes(body);
        client.indices().putIndexTemplate(p -> p.name(layout.prefix()).withJson(new ByteArrayInputStream(bytes)));
    }

    /** The resource's index settings with the configured shards, replicas and refresh interval. */
    private ObjectNode settings(JsonNode resource, ObjectMapper json) {
        ObjectNode index = json.createObjectNode();
        JsonNode given = resource.has("index") ? resource.path("index") : resource;
        given.properties().forEach(e -> index.set(e.getKey(), e.getValue()));
        index.remove("auto_expand_replicas");
        index.put("number_of_shards", settings.shards());
        index.put("number_of_replicas", settings.replicas());
        index.put("refresh_interval", settings.refreshIntervalValue());
        ObjectNode out = json.createObjectNode();
        out.set("index", index);
        return out;
    }

    boolean exists(IndexLayout layout) throws IOException {
        return client.indices()
                .existsIndexTemplate(e -> e.name(layout.prefix()))
                .value();
    }

    void delete(IndexLayout layout) throws IOException {
        try {
            client.indices().deleteIndexTemplate(d -> d.name(layout.prefix()));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Creates the index from its template unless it exists (another instance may create it at the same moment). */
    void ensureIndex(String name) throws IOException {
        if (existing.contains(name)) {
            return;
        }
        try {
            client.indices().create(c -> c.index(name));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        existing.add(name);
    }

    /** Forgets an index dropped by retention or an upgrade: a later write re-creates it. */
    void forget(String name) {
        existing.remove(name);
    }

    /** Applies the dynamic settings (replicas, refresh interval) to indices that exist already. */
    void applyDynamicSettings(String indices) throws IOException {
        client.indices()
                .putSettings(p -> p.index(indices)
                        .allowNoIndices(true)
                        .ignoreUnavailable(true)
                        .settings(s -> s.autoExpandReplicas("false")
                                .numberOfReplicas(String.valueOf(settings.replicas()))
                                .refreshInterval(t -> t.time(settings.refreshIntervalValue()))));
    }

    IndexSettings settings() {
        return settings;
    }
}
