package org.outpost.crawler;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.websub.ContentDistribution;
import org.outpost.crawler.websub.IntentVerification;
import org.springframework.stereotype.Service;

/**
 * What the app's public WebSub callback ({@code /websub/{id}}) answers hubs with: the intent
 * verification of a GET, and the content distribution of a POST. The callback id is the
 * random last segment of the address, so only the hub it was given to can use it.
 */
@Service
public class WebSubCallbacks {

    /** The HTTP status to answer a POST with, and whether its content was taken. */
    public record Receipt(int httpStatus, boolean accepted, String outcome) {}

    private final IntentVerification verification;
    private final ContentDistribution distribution;

    WebSubCallbacks(IntentVerification verification, ContentDistribution distribution) {
        this.verification = verification;
        this.distribution = distribution;
    }

    /**
     * A hub's GET: {@code hub.mode}, {@code hub.topic}, {@code hub.challenge}, {@code
     * hub.lease_seconds}, {@code hub.reason}.
     *
     * @return the body of a 200 answer; empty for 404
     */
    public Optional<String> verify(
            String callbackId,
            @Nullable String mode,
            @Nullable String topic,
            @Nullable String challenge,
            @Nullable String leaseSeconds,
            @Nullable String reason) {
        return verification.verify(callbackId, mode, topic, challenge, leaseSeconds, reason);
    }

    /** A hub's POST: the raw body (read at most {@link #maxBodyBytes} + 1 bytes) and its {@code X-Hub-Signature}. */
    public Receipt receive(String callbackId, @Nullable String signature, byte[] body) {
        ContentDistribution.Receipt receipt = distribution.receive(callbackId, signature, body);
        return new Receipt(
                receipt.httpStatus(),
                receipt.outcome() == ContentDistribution.Outcome.ACCEPTED,
                receipt.outcome().name().toLowerCase(java.util.Locale.ROOT));
    }

    public long maxBodyBytes() {
        return distribution.maxBodyBytes();
    }
}
