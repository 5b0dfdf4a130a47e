package org.outpost.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.subscription.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Telegram through Outpost's bot: {@code sendMessage} in HTML parse mode, one call per part of
 * the message, paced to Telegram's limits ({@link TelegramPace}). A 429 is honoured: its
 * {@code retry_after} is waited out when short, else the delivery is put back until then without
 * counting as a failed attempt. Parts already accepted are not sent again when the rest is retried
 * (remembered by this instance; after a restart a retried delivery starts from its first part).
 * Link previews are off: Telegram would fetch every crawled page a message names.
 */
@Component
class TelegramSender implements ChannelSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d+)");
    /** Short 429s waited out in a row for one part before the delivery is put back instead. */
    private static final int WAITS_PER_PART = 3;

    /** Waits; the tests' pause moves their clock instead. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final TelegramProperties properties;
    private final ReaderLanguages readers;
    private final TelegramPace pace;
    private final Pause pause;
    /** Delivery id -> parts Telegram accepted, while some are left. */
    private final Map<Long, Integer> accepted = new ConcurrentHashMap<>();

    @Autowired
    TelegramSender(TelegramProperties properties, ReaderLanguages readers, Optional<Clock> clock) {
        this(properties, readers, clock.orElse(Clock.systemUTC()), d -> Thread.sleep(d));
    }

    TelegramSender(TelegramProperties properties, ReaderLanguages readers, Clock clock, Pause pause) {
        this.properties = properties;
        this.readers = readers;
        this.pace = new TelegramPace(properties, clock);
        this.pause = pause;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Telegram;
    }

    @Override
    public void send(Delivery delivery, Channel channel, Message message) throws DeliveryException {
        ReaderTexts texts = ReaderTexts.of(readers.of(delivery.owner()));
        if (!properties.enabled()) {
            throw new DeliveryException(texts.get("delivery.error.noTelegram"));
        }
        String chat = ((Channel.Telegram) channel).chatId();
        List<String> parts = message.telegram();
        for (int i = accepted.getOrDefault(delivery.id(), 0); i < parts.size(); i++) {
            sendPart(texts, chat, parts.get(i));
            if (i + 1 < parts.size()) {
                accepted.put(delivery.id(), i + 1);
            }
        }
        accepted.remove(delivery.id());
    }

    private void sendPart(ReaderTexts texts, String chat, String text) throws DeliveryException {
        for (int waits = 0; ; waits++) {
            sleep(texts, pace.reserve(chat));
            Reply reply = post(texts, chat, text);
            if (reply.status() / 100 == 2) {
                return;
            }
            if (reply.status() == 429) {
                Duration retryAfter = reply.retryAfter();
                pace.hold(chat, retryAfter);
                if (retryAfter.compareTo(properties.maxWait()) <= 0 && waits < WAITS_PER_PART) {
                    continue; // the next reservation waits it out
                }
                throw new DeliveryException(
                        texts.get("delivery.error.telegramLimit", String.valueOf(retryAfter.toSeconds())), retryAfter);
            }
            if (reply.migratedTo() != null) {
                // a group became a supergroup: a new id, which only the alert's owner can enter
                throw new DeliveryException(texts.get("delivery.error.telegramMigrated", reply.migratedTo()));
            }
            throw new DeliveryException(
                    texts.get("delivery.error.telegramStatus", String.valueOf(reply.status()), reply.description()));
        }
    }

    private void sleep(ReaderTexts texts, Duration wait) throws DeliveryException {
        if (wait.isPositive()) {
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(texts.get("delivery.error.interrupted"), e);
            }
        }
    }

    private Reply post(ReaderTexts texts, String chat, String text) throws DeliveryException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chat.matches("-?[0-9]+") ? (Object) Long.parseLong(chat) : chat);
        body.put("text", text);
        body.put("parse_mode", "HTML");
        body.put("link_preview_options", Map.of("is_disabled", true));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new DeliveryException(texts.get("delivery.error.json", String.valueOf(e.getMessage())), e);
        }
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        // the token is in the path: this URI is never written to a log or an error
        URI uri = URI.create(base + "/bot" + properties.botToken() + "/sendMessage");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.deadline())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Outpost alerts")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        CompletableFuture<HttpResponse<String>> sending = http.sendAsync(request, BoundedReply.handler(64 * 1024));
        try {
            HttpResponse<String> response = sending.get(properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
            return Reply.of(response);
        } catch (TimeoutException e) {
            throw new DeliveryException(
                    texts.get(
                            "delivery.error.webhookDeadline",
                            properties.apiUrl().getHost(),
                            String.valueOf(properties.deadline().toSeconds())),
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeliveryException(texts.get(
                    "delivery.error.unreachable",
                    properties.apiUrl().getHost(),
                    cause.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(texts.get("delivery.error.interrupted"), e);
        } finally {
            sending.cancel(true);
        }
    }

    /** What the Bot API answered: its status, and for a refusal Telegram's description and wait. */
    private record Reply(
            int status,
            String description,
            Duration retryAfter,
            @org.jspecify.annotations.Nullable String migratedTo) {

        static Reply of(HttpResponse<String> response) {
            String body = response.body() == null ? "" : response.body();
            String description = body.strip();
            long seconds = 0;
            String migrated = null;
            try {
                JsonNode json = JSON.readTree(body);
                description = json.path("description").asText(description);
                seconds = json.path("parameters").path("retry_after").asLong(0);
                JsonNode to = json.path("parameters").path("migrate_to_chat_id");
                migrated = to.isMissingNode() || to.isNull() ? null : to.asText();
            } catch (JsonProcessingException e) {
                // a reply cut at the kept length: the wait is still found in it
                Matcher m = RETRY_AFTER.matcher(body);
                seconds = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            if (seconds == 0) {
                seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            }
            return new Reply(response.statusCode(), description, Duration.ofSeconds(Math.max(1, seconds)), migrated);
        }
    }
}
