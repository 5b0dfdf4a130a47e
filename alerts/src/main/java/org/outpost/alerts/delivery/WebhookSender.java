package org.outpost.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.SecretCipher;
import org.outpost.alerts.subscription.WebhookAddresses;
import org.outpost.core.net.AddressPin;
import org.springframework.stereotype.Component;

/**
 * A JSON POST: Outpost's own body, a Slack-compatible {@code {"text": ...}}, or a Microsoft Teams
 * incoming-webhook message ({@link TeamsCard}). Any 2xx is
 * success; redirects are not followed (a receiver that moved must be updated by its owner).
 * Headers: {@code X-Outpost-Delivery} (the same on retries, for the receiver to deduplicate),
 * {@code X-Outpost-Signature: sha256=<hex>} with a secret.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String SIGNATURE = "X-Outpost-Signature";
    static final String DELIVERY = "X-Outpost-Delivery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final AlertsProperties properties;
    private final ReaderLanguages readers;

    WebhookSender(AlertsProperties properties, ReaderLanguages readers) {
        this.properties = properties;
        this.readers = readers;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Webhook;
    }

    @Override
    public void send(Delivery delivery, Channel channel, Message message) throws DeliveryException {
        Channel.Webhook webhook = (Channel.Webhook) channel;
        // the owner reads why a delivery failed in their delivery log
        ReaderTexts texts = ReaderTexts.of(readers.of(delivery.owner()));
        if (SecretCipher.isEncrypted(webhook.url())) {
            throw new DeliveryException(new SecretCipher.UndecryptableException().getMessage());
        }
        URI uri = URI.create(webhook.url());
        AddressPin pin =
                properties.allowPrivateWebhooks() ? AddressPin.NONE : WebhookAddresses.pinIfPublic(uri.getHost());
        if (pin == null) {
            throw new DeliveryException(texts.get("delivery.error.privateWebhook", uri.getHost()));
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(
                    webhook.teams()
                            ? message.teams()
                            : webhook.slack() ? Map.of("text", message.slackText()) : message.json());
        } catch (JsonProcessingException e) {
            throw new DeliveryException(texts.get("delivery.error.json", String.valueOf(e.getMessage())), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.webhookDeadline())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Outpost alerts")
                .header(DELIVERY, Long.toString(delivery.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (webhook.secret() != null) {
            request.header(SIGNATURE, "sha256=" + sign(webhook.secret(), body));
        }
        Duration deadline = properties.webhookDeadline();
        try (pin) { // while open, the host resolves to the addresses just checked (DNS rebinding)
            // the request timeout only bounds the wait for headers; the future's bound covers the
            // whole exchange, so a receiver that drips its reply a byte a second is cut off too
            CompletableFuture<HttpResponse<String>> sending =
                    http.sendAsync(request.build(), BoundedReply.handler(properties.webhookReplyLimit()));
            try {
                HttpResponse<String> response = sending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
                if (response.statusCode() / 100 != 2) {
                    String text = response.body() == null ? "" : response.body().strip();
                    throw new DeliveryException(
                            texts.get("delivery.error.webhookStatus", String.valueOf(response.statusCode()))
                                    + (text.isEmpty() ? "" : ": " + text));
                }
            } catch (TimeoutException e) {
                throw new DeliveryException(
                        texts.get(
                                "delivery.error.webhookDeadline", uri.getHost(), String.valueOf(deadline.toSeconds())),
                        e);
            } catch (ExecutionException e) {
                // the cause may quote the URL (path, query: a Slack URL is a secret); the host is enough
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new DeliveryException(texts.get(
                        "delivery.error.unreachable",
                        uri.getHost(),
                        cause.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(texts.get("delivery.error.interrupted"), e);
            } finally {
                // cancelling the exchange closes its connection: nothing of it outlives the deadline
                sending.cancel(true);
            }
        }
    }

    /** Hex HMAC-SHA256 of the body with the channel's secret. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
