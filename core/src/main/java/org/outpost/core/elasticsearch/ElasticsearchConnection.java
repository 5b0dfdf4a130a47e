package org.outpost.core.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.jspecify.annotations.Nullable;

/** A client for one Elasticsearch cluster, with optional basic or API-key authentication. */
public final class ElasticsearchConnection implements AutoCloseable {

    private final URI uri;
    private final RestClient restClient;
    private final ElasticsearchClient client;

    private ElasticsearchConnection(URI uri, RestClient restClient, ElasticsearchClient client) {
        this.uri = uri;
        this.restClient = restClient;
        this.client = client;
    }

    /**
     * @param uri e.g. {@code http://localhost:9200}; a comma-separated list of nodes is accepted
     * @param apiKey encoded API key; wins over user and password when both are given
     */
    public static ElasticsearchConnection open(
            String uri,
            @Nullable String user,
            @Nullable String password,
            @Nullable String apiKey,
            ObjectMapper mapper) {
        List<HttpHost> hosts = new ArrayList<>();
        for (String part : uri.split(",")) {
            hosts.add(HttpHost.create(part.strip()));
        }
        List<Header> headers = new ArrayList<>();
        if (apiKey != null && !apiKey.isBlank()) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey.strip()));
        } else if (user != null && !user.isBlank()) {
            String token = Base64.getEncoder()
                    .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            headers.add(new BasicHeader("Authorization", "Basic " + token));
        }
        RestClient rest = RestClient.builder(hosts.toArray(HttpHost[]::new))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .build();
        ElasticsearchClient client =
                new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
        return new ElasticsearchConnection(URI.create(hosts.getFirst().toURI()), rest, client);
    }

    public ElasticsearchClient client() {
        return client;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws IOException {
        restClient.close();
    }
}
