package org.outpost.crawler.websub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.schedule.CrawlScheduler;
import org.outpost.crawler.source.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A hub's GET on a callback (WebSub §5.3): it checks that we asked for what it is about to do.
 * The challenge is echoed only when the callback, the mode and the topic match a request of
 * ours: a subscription waiting for its check (or active, being renewed) for {@code subscribe},
 * one being ended for {@code unsubscribe}. Anything else is a 404, so nobody can subscribe us
 * to what we did not ask for. {@code denied} records the hub's refusal.
 */
@Component
public class IntentVerification {

    private static final Logger log = LoggerFactory.getLogger(IntentVerification.class);

    private final HubSubscriptions subscriptions;
    private final SourceRepository sources;
    private final CrawlScheduler scheduler;
    private final WebSubSettings settings;
    private final Clock clock;

    IntentVerification(
            HubSubscriptions subscriptions,
            SourceRepository sources,
            CrawlScheduler scheduler,
            WebSubSettings settings,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * @return the body to answer with 200 (the challenge, or empty for {@code denied}); empty
     *     for 404
     */
    public Optional<String> verify(
            String callbackId,
            @Nullable String mode,
            @Nullable String topic,
            @Nullable String challenge,
            @Nullable String leaseSeconds,
            @Nullable String reason) {
        Optional<Subscription> found = subscriptions.byCallback(callbackId);
        if (found.isEmpty() || mode == null || topic == null) {
            return Optional.empty();
        }
        Subscription s = found.get();
        if (!s.topic().toString().equals(topic)) {
            log.info("WebSub: a hub verified topic {} on the callback of {}; refused", topic, s.topic());
            return Optional.empty();
        }
        Instant now = clock.instant();
        return switch (mode) {
            case "subscribe" -> subscribed(s, challenge, leaseSeconds, now);
            case "unsubscribe" -> unsubscribed(s, challenge);
            case "denied" -> denied(s, reason);
            default -> Optional.empty();
        };
    }

    private Optional<String> subscribed(
            Subscription s, @Nullable String challenge, @Nullable String leaseSeconds, Instant now) {
        boolean asked = s.state() == SubscriptionState.PENDING
                || s.state() == SubscriptionState.ACTIVE
                || s.state() == SubscriptionState.EXPIRED;
        if (!asked || challenge == null || !settings.enabled()) {
            return Optional.empty();
        }
        Duration lease = lease(leaseSeconds);
        boolean wasPushing = s.pushing(now);
        if (!subscriptions.activate(s.id(), lease.toSeconds(), now, now.plus(lease), settings.renewAt(now, lease))) {
            return Optional.empty(); // ended meanwhile
        }
        log.info("WebSub: {} pushes {} for {}", s.hub(), s.topic(), lease);
        if (!wasPushing) {
            sources.find(s.sourceId()).ifPresent(scheduler::schedule); // polling slows to the back-stop
        }
        return Optional.of(challenge);
    }

    private Optional<String> unsubscribed(Subscription s, @Nullable String challenge) {
        if (s.state() != SubscriptionState.UNSUBSCRIBING || challenge == null) {
            return Optional.empty();
        }
        subscriptions.delete(s.id());
        log.info("WebSub: {} stops pushing {}", s.hub(), s.topic());
        return Optional.of(challenge);
    }

    private Optional<String> denied(Subscription s, @Nullable String reason) {
        if (s.state() == SubscriptionState.UNSUBSCRIBING) {
            subscriptions.delete(s.id());
            return Optional.of("");
        }
        boolean wasPushing = s.pushing(clock.instant());
        subscriptions.deny(s.id(), reason == null || reason.isBlank() ? null : "the hub refused: " + reason.strip());
        log.info("WebSub: {} refused {}: {}", s.hub(), s.topic(), reason);
        if (wasPushing) {
            sources.find(s.sourceId()).ifPresent(scheduler::schedule);
        }
        return Optional.of("");
    }

    /** The lease the hub granted; what we asked when it says nothing or nonsense. */
    private Duration lease(@Nullable String leaseSeconds) {
        if (leaseSeconds != null) {
            try {
                long seconds = Long.parseLong(leaseSeconds.strip());
                if (seconds > 0) {
                    return Duration.ofSeconds(
                            Math.min(seconds, Duration.ofDays(3650).toSeconds()));
                }
            } catch (NumberFormatException e) {
                // fall through to the lease asked for
            }
        }
        return settings.lease();
    }
}
