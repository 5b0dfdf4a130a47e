package org.outpost.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sends what is due. Each delivery is claimed with a conditional update first, so of several
 * app instances exactly one sends it; the claim is released by recording the outcome. A claim
 * older than {@code claimTimeout} belongs to an instance that died and is taken over: that
 * delivery may reach its channel a second time only if the instance died between the channel's
 * acceptance and the database update, and then it carries the same Message-ID / delivery id.
 *
 * <p>Failures are retried after {@code retryDelay}, doubling, at most an hour apart, until
 * {@code maxAttempts}; then the delivery is FAILED and shows in the owner's and admins' logs.
 */
@Component
public class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 50;
    /** How often a delivery held for a disabled owner is looked at again: at most this late once re-enabled. */
    static final Duration HOLD_RECHECK = Duration.ofMinutes(1);

    static final String HELD = "held: the owner's account is disabled";

    private final String instance = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final MessageRenderer renderer;
    private final List<ChannelSender> senders;
    private final AlertsProperties properties;
    private final ApplicationEventPublisher events;
    private final DeliveryMetrics metrics;
    private final AccountStates accounts;
    private final Clock clock;
    private final ExecutorService pool;

    public DeliveryDispatcher(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            MessageRenderer renderer,
            List<ChannelSender> senders,
            AlertsProperties properties,
            ApplicationEventPublisher events,
            DeliveryMetrics metrics,
            AccountStates accounts,
            Optional<Clock> clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.renderer = renderer;
        this.senders = senders;
        this.properties = properties;
        this.events = events;
        this.metrics = metrics;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
        this.pool = Executors.newFixedThreadPool(
                properties.senderThreads(),
                Thread.ofPlatform().name("alerts-send-", 0).daemon().factory());
    }

    /**
     * Sends everything due now, up to {@code senderThreads} at once; returns how many deliveries
     * were attempted. Not for concurrent calls on one instance (the worker calls it from one thread).
     */
    public int dispatchDue() {
        int attempted = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            Instant stale = now.minus(properties.claimTimeout());
            due = deliveries.due(now, stale, BATCH);
            List<Future<Boolean>> sending = new ArrayList<>();
            for (long id : due) {
                // claimed by the thread that sends it, just before sending: an instance that dies
                // leaves at most senderThreads claims to lapse, not the whole batch
                sending.add(pool.submit(() -> {
                    if (!deliveries.claim(id, instance, clock.instant(), stale)) {
                        return false; // another instance has it
                    }
                    attempt(id);
                    return true;
                }));
            }
            for (Future<Boolean> f : sending) {
                try {
                    attempted += f.get() ? 1 : 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted; // stopping: the claims lapse and another round or instance takes them
                } catch (ExecutionException e) {
                    log.error("Sending a delivery failed unexpectedly", e.getCause());
                }
            }
        } while (due.size() == BATCH);
        return attempted;
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private void attempt(long id) {
        Delivery delivery = deliveries.find(id).orElse(null);
        if (delivery == null) {
            return; // its subscription was deleted meanwhile
        }
        if (!accounts.active(delivery.owner())) {
            // held, not dropped: looked at again later, and sent once the account is enabled again
            deliveries.markRetry(id, delivery.attempts(), clock.instant().plus(HOLD_RECHECK), HELD);
            return;
        }
        Subscription subscription =
                subscriptions.find(delivery.subscriptionId()).orElse(null);
        Channel channel = subscription == null
                ? null
                : subscription.channels().stream()
                        .filter(c -> c.key().equals(delivery.channel()))
                        .findFirst()
                        .orElse(null);
        Instant started = clock.instant();
        try {
            if (channel == null) {
                throw new DeliveryException("the subscription no longer has this channel");
            }
            ChannelSender sender = senders.stream()
                    .filter(s -> s.handles(channel))
                    .findFirst()
                    .orElseThrow(() -> new DeliveryException("no sender for " + channel.type()));
            sender.send(delivery, channel, renderer.render(delivery));
            deliveries.markSent(id, clock.instant());
            metrics.sent(delivery, Duration.between(delivery.createdAt(), clock.instant()));
            if (channel instanceof Channel.InApp) {
                events.publishEvent(new NotificationCreated(delivery.owner(), id));
            }
        } catch (DeliveryException | RuntimeException e) {
            int attempts = delivery.attempts() + 1;
            String error = e instanceof DeliveryException ? e.getMessage() : "unexpected error: " + e;
            if (attempts >= properties.maxAttempts() || channel == null) {
                deliveries.markFailed(id, attempts, error);
                metrics.failed(delivery);
                log.warn(
                        "Delivery {} to {} failed for good after {} attempts: {}",
                        id,
                        delivery.channel(),
                        attempts,
                        error);
            } else {
                Duration wait = backoff(attempts);
                deliveries.markRetry(id, attempts, started.plus(wait), error);
                metrics.retried(delivery);
                log.info(
                        "Delivery {} to {} failed (attempt {}), retry in {}: {}",
                        id,
                        delivery.channel(),
                        attempts,
                        wait,
                        error);
            }
        }
    }

    Duration backoff(int attempts) {
        Duration wait = properties.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
