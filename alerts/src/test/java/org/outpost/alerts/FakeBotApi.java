package org.outpost.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Telegram Bot API: takes {@code POST /bot<token>/sendMessage} and checks each request
 * as Telegram would (the token, JSON, a chat id, HTML parse mode, text of 1 to 4096 characters,
 * only the tags Telegram knows, balanced). A request it refuses is recorded in {@link #refused()}.
 * Answers are 200 unless a test queues others (e.g. a 429 with {@code retry_after}).
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token_value";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)([^>]*)>");
    private static final List<String> TELEGRAM_TAGS =
            List.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote");

    /** One accepted sendMessage: its chat, text, and when it arrived on the test's clock. */
    public record Sent(String chatId, String text, JsonNode body, Instant at) {}

    /** An answer to queue: the status and its JSON body. */
    public record Answer(int status, String body) {
        public static Answer tooManyRequests(int retryAfter) {
            return new Answer(
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
                            + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
        }

        public static Answer chatNotFound() {
            return new Answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        }
    }

    private final HttpServer server;
    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    public FakeBotApi(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void queue(Answer answer) {
        answers.addLast(answer);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Why requests were refused as malformed; empty when every request was one Telegram takes. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Every call, answered 2xx or not. */
    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String problem = check(exchange, body);
        if (problem != null) {
            refused.add(problem);
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: " + problem + "\"}");
            return;
        }
        Answer queued;
        synchronized (this) {
            queued = answers.pollFirst();
        }
        if (queued != null && queued.status() != 200) {
            answer(exchange, queued.status(), queued.body());
            return;
        }
        JsonNode json = JSON.readTree(body);
        sent.add(new Sent(json.path("chat_id").asText(), json.path("text").asText(), json, clock.instant()));
        answer(
                exchange,
                200,
                "{\"ok\":true,\"result\":{\"message_id\":" + sent.size() + ",\"chat\":{\"id\":"
                        + JSON.writeValueAsString(json.path("chat_id").asText()) + "}}}");
    }

    private static String check(HttpExchange exchange, String body) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return "method " + exchange.getRequestMethod();
        }
        if (!exchange.getRequestURI().getPath().equals("/bot" + TOKEN + "/sendMessage")) {
            return "path " + exchange.getRequestURI().getPath().replace(TOKEN, "<token>");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "content type " + type;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return "not JSON";
        }
        if (!json.path("chat_id").isNumber() && !json.path("chat_id").asText().startsWith("@")) {
            return "chat_id " + json.path("chat_id");
        }
        if (!"HTML".equals(json.path("parse_mode").asText())) {
            return "parse_mode " + json.path("parse_mode");
        }
        String text = json.path("text").asText();
        if (text.isEmpty() || text.length() > 4096) {
            return "text of " + text.length() + " characters";
        }
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            if (!TELEGRAM_TAGS.contains(m.group(2))) {
                return "tag " + m.group(2);
            }
            if (m.group(1).isEmpty()) {
                open.push(m.group(2));
            } else if (open.isEmpty() || !open.pop().equals(m.group(2))) {
                return "unbalanced " + m.group(2);
            }
        }
        if (!open.isEmpty()) {
            return "unclosed " + open.peek();
        }
        if (text.replaceAll("&(amp|lt|gt|quot);", "").contains("&")) {
            return "unescaped &";
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
