package org.outpost.dashboard.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/nginx/outpost.conf, the reverse proxy of the compose stack's scale-out profile: Debian's
 * nginx accepts it ({@code nginx -t}) and rejects a broken copy; its upstream is the profile's app
 * instances; and run for real in front of two local HTTP servers standing in for the instances, it
 * keeps each browser on one instance (Vaadin's UI state lives in that instance's session), spreads
 * browsers over both, and passes the WebSocket handshake of Vaadin's push through.
 *
 * <p>The compose network's names (outpost-a, outpost-b) resolve only inside Docker, and nginx
 * resolves upstream names when it loads its config, so the test gives nginx the config with those
 * names, and the port it listens on, replaced by loopback addresses; nothing else is changed.
 */
class ReverseProxyConfigTest {

    private static final String CONFIG_PATH = "deploy/nginx/outpost.conf";
    private static final String CONFIG = RepositoryFiles.read(CONFIG_PATH);
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):(\\d+)");
    /** The app's HTTP port in the image: application.properties' server.port=${PORT:8080}, PORT unset. */
    private static final int APP_PORT = 8080;

    private final List<HttpServer> instances = new java.util.ArrayList<>();
    private @Nullable Process nginx;

    @Test
    void nginxAcceptsTheConfig(@TempDir Path folder) throws IOException {
        Nginx.Verdict verdict = new Nginx(folder, onLoopback(CONFIG, Map.of(), freePort())).test();

        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).contains("syntax is ok");
    }

    @Test
    void nginxRejectsABrokenCopy(@TempDir Path folder) throws IOException {
        String broken = CONFIG.replace("proxy_http_version 1.1;", "proxy_http_version 1.1");
        assertThat(broken).isNotEqualTo(CONFIG);

        Nginx.Verdict verdict = new Nginx(folder, onLoopback(broken, Map.of(), freePort())).test();

        assertThat(verdict.exitCode()).isNotZero();
        assertThat(verdict.output()).contains("[emerg]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUpstreamIsTheScaleOutInstancesOnTheAppsPortAndTheProxyServiceMountsThisFile() {
        Map<String, Object> proxy = service(ComposeFileChecks.SCALE_OUT_ENTRY);
        Set<String> instancesOfTheProfile = new TreeSet<>();
        for (String dependency : ((Map<String, ?>) proxy.get("depends_on")).keySet()) {
            if (".".equals(service(dependency).get("build"))) {
                instancesOfTheProfile.add(dependency + ":" + APP_PORT);
            }
        }
        Set<String> upstream = new TreeSet<>();
        Matcher server = UPSTREAM_SERVER.matcher(CONFIG);
        while (server.find()) {
            upstream.add(server.group(1) + ":" + server.group(2));
        }

        assertThat(instancesOfTheProfile).hasSizeGreaterThanOrEqualTo(2);
        assertThat(upstream).isEqualTo(instancesOfTheProfile);
        assertThat((List<String>) proxy.get("volumes"))
                .contains("./" + CONFIG_PATH + ":/etc/nginx/conf.d/default.conf:ro");
    }

    @Test
    void pushConnectionsMayStayQuietLongerThanVaadinsHeartbeat() {
        Matcher timeout =
                Pattern.compile("proxy_read_timeout\\s+(\\d+)([smh]?);").matcher(CONFIG);
        assertThat(timeout.find()).as("proxy_read_timeout is set").isTrue();
        long seconds = Long.parseLong(timeout.group(1))
                * switch (timeout.group(2)) {
                    case "m" -> 60;
                    case "h" -> 3600;
                    default -> 1;
                };
        // Vaadin's heartbeat comes every 5 minutes; nginx's default (60 s) would cut a quiet WebSocket
        assertThat(seconds).isGreaterThan(300);
    }

    @Test
    void keepsEachBrowserOnOneInstanceAndSpreadsBrowsersOverBoth(@TempDir Path folder) throws Exception {
        int port = startBehindNginx(folder);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // a new browser: no cookie yet; the proxy gives it a route
        HttpResponse<String> first = get(client, port, null);
        String route = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("outpost_route="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no route cookie in " + first.headers()));
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> next = get(client, port, route);
            reached.add(next.body());
            assertThat(next.headers().allValues("Set-Cookie"))
                    .as("a browser with a route keeps it")
                    .isEmpty();
        }
        assertThat(reached).as("the first request's instance, every time").containsExactly(first.body());

        Set<String> byBrowser = new HashSet<>();
        for (int browser = 0; browser < 40; browser++) {
            byBrowser.add(get(client, port, "outpost_route=browser-" + browser).body());
        }
        assertThat(byBrowser).containsExactlyInAnyOrder("outpost-a", "outpost-b");
    }

    @Test
    void passesTheWebSocketHandshakeOfPushThrough(@TempDir Path folder) throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        int port = startBehindNginx(folder, seen);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /VAADIN/push?v-r=push HTTP/1.1\r\n"
                            + "Host: localhost\r\n"
                            + "Upgrade: websocket\r\n"
                            + "Connection: Upgrade\r\n"
                            + "Sec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            + "Cookie: outpost_route=push-test\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1");
        }

        assertThat(seen.get("upgrade")).isEqualToIgnoringCase("websocket");
        assertThat(seen.get("connection")).isEqualToIgnoringCase("upgrade");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        instances.forEach(s -> s.stop(0));
    }

    private int startBehindNginx(Path folder) throws Exception {
        return startBehindNginx(folder, new ConcurrentHashMap<>());
    }

    /** Two stand-in instances answering their own name, nginx in front of them; returns nginx's port. */
    private int startBehindNginx(Path folder, Map<String, String> upgradeHeaders) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("outpost-a", "outpost-b")) {
            HttpServer instance = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            instance.createContext("/", exchange -> {
                String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
                if (upgrade != null) {
                    upgradeHeaders.put("upgrade", upgrade);
                    upgradeHeaders.put(
                            "connection",
                            java.util.Objects.toString(
                                    exchange.getRequestHeaders().getFirst("Connection"), ""));
                }
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            instance.start();
            instances.add(instance);
            ports.put(name, instance.getAddress().getPort());
        }
        int port = freePort();
        Nginx server = new Nginx(folder, onLoopback(CONFIG, ports, port));
        nginx = server.start();
        awaitListening(port, server);
        return port;
    }

    private static HttpResponse<String> get(HttpClient client, int port, @Nullable String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** The config with the compose network's names and the listening port replaced by loopback ones. */
    private static String onLoopback(String config, Map<String, Integer> instancePorts, int listenPort) {
        Matcher server = UPSTREAM_SERVER.matcher(config);
        StringBuilder out = new StringBuilder();
        int nextPort = 1;
        while (server.find()) {
            int port = instancePorts.getOrDefault(server.group(1), 18_080 + nextPort++);
            server.appendReplacement(
                    out, server.group().replace(server.group(1) + ":" + server.group(2), "127.0.0.1:" + port));
        }
        server.appendTail(out);
        String local = out.toString().replaceAll("(?m)^(\\s*)listen\\s+80;", "$1listen 127.0.0.1:" + listenPort + ";");
        assertThat(local).contains("listen 127.0.0.1:" + listenPort + ";");
        return local;
    }

    private void awaitListening(int port, Nginx server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(nginx != null && nginx.isAlive())
                    .as("nginx runs: " + server.errorLog())
                    .isTrue();
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port + ": " + server.errorLog());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> compose = new Yaml().load(RepositoryFiles.read("docker-compose.yml"));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }
}
