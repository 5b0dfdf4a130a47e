package org.outpost.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.quiet.QuietTimes;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.EmailConfirmations;
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
    /** Due deliveries looked at per round at most (the rest wait for the next round). */
    private static final int MAX_PAGES = 20;
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
    private final EmailConfirmations confirmations;
    private final QuietTimes quiet;
    /** One pool per channel kind: email, webhook, telegram, and the rest (in-app). */
    private final Map<String, ExecutorService> pools;

    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    /** Some due delivery was left for later because its owner's share was in use. */
    private final AtomicBoolean heldBack = new AtomicBoolean();
    /**
     * Set once the worker drives this instance ({@link #startDue}): a finished send then starts
     * the next round at once when deliveries were held back, so an owner's burst goes out
     * {@code sendsPerOwner} at a time back to back instead of that many per dispatch interval.
     */
    private volatile boolean continuous;

    private final Map<String, AtomicInteger> perOwner = new ConcurrentHashMap<>();

    public DeliveryDispatcher(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            MessageRenderer renderer,
            List<ChannelSender> senders,
            AlertsProperties properties,
            ApplicationEventPublisher events,
            DeliveryMetrics metrics,
            EmailConfirmations confirmations,
            AccountStates accounts,
            Optional<Clock> clock,
            QuietTimes quiet) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.renderer = renderer;
        this.senders = senders;
        this.properties = properties;
        this.events = events;
        this.metrics = metrics;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
        this.confirmations = confirmations;
        this.quiet = quiet;
        this.pools = Map.of(
                "email", pool("email", properties.senderThreads()),
                "webhook", pool("webhook", properties.senderThreads()),
                // Telegram's pace makes its sends wait: they must not hold the webhooks' threads
                "telegram", pool("telegram", properties.senderThreads()),
                "other", pool("other", 1));
    }

    /**
     * Starts sending what is due and returns without waiting: for the worker, whose next round
     * must not wait for a slow receiver. Returns how many sends were started.
     */
    public int startDue() {
        continuous = true;
        return start().size();
    }

    /**
     * Sends everything due now and waits for the outcome (each wait bounded by the claim timeout:
     * a send never holds its caller longer); returns how many deliveries were attempted. For
     * callers that need the outcome (tests, a retry). Not for concurrent calls on one instance.
     */
    public int dispatchDue() {
        int attempted = 0;
        List<Future<Boolean>> started;
        // an owner's deliveries beyond its share wait for the next round: keep going until none are left
        while (!(started = start()).isEmpty()) {
            long until = System.nanoTime() + properties.claimTimeout().toNanos();
            for (Future<Boolean> f : started) {
                try {
                    attempted += f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS) ? 1 : 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted; // stopping: the claims lapse and another round or instance takes them
                } catch (ExecutionException e) {
                    log.error("Sending a delivery failed unexpectedly", e.getCause());
                } catch (TimeoutException e) {
                    log.warn("A send outlived the claim timeout of {}; its claim lapses", properties.claimTimeout());
                    return attempted;
                }
            }
        }
        return attempted;
    }

    /**
     * Hands what is due to the pool of its channel kind, so slow webhooks cannot keep mail
     * waiting, and at most {@code sendsPerOwner} of one owner per kind at once, so one user's
     * slow receivers cannot take every thread of a kind either. What is over an owner's share
     * stays pending for a later round.
     */
    private List<Future<Boolean>> start() {
        List<Future<Boolean>> started = new ArrayList<>();
        List<DeliveryRepository.Due> due;
        int page = 0;
        // page on past what is in flight or over an owner's share: one user's hundreds of due
        // deliveries must not hide the next user's behind them
        do {
            Instant now = clock.instant();
            Instant stale = now.minus(properties.claimTimeout());
            due = deliveries.due(now, stale, page * BATCH, BATCH);
            page++;
            for (DeliveryRepository.Due d : due) {
                if (inFlight.containsKey(d.id())) {
                    continue;
                }
                String share = d.owner() + "\n" + d.channelType();
                AtomicInteger sending = perOwner.computeIfAbsent(share, k -> new AtomicInteger());
                if (sending.incrementAndGet() > properties.sendsPerOwner()) {
                    sending.decrementAndGet();
                    heldBack.set(true);
                    continue;
                }
                inFlight.put(d.id(), d.channelType());
                try {
                    started.add(pool(d.channelType()).submit(() -> {
                        try {
                            // claimed by the thread that sends it, just before sending: an instance that
                            // dies leaves at most its threads' claims to lapse, not the whole batch
                            if (!deliveries.claim(d.id(), instance, clock.instant(), stale)) {
                                return false; // another instance has it
                            }
                            attempt(d.id());
                            return true;
                        } finally {
                            inFlight.remove(d.id());
                            sending.decrementAndGet();
                            if (continuous && heldBack.getAndSet(false)) {
                                startNext();
                            }
                        }
                    }));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    inFlight.remove(d.id());
                    sending.decrementAndGet();
                    return started; // stopping
                }
            }
        } while (due.size() == BATCH && page < MAX_PAGES);
        return started;
    }

    /** The next round, from a sender thread whose send just freed a share. */
    private void startNext() {
        try {
            start();
        } catch (RuntimeException e) {
            // the worker's next round tries again
            log.warn("Starting the next sends after one finished failed: {}", e.toString());
        }
    }

    private ExecutorService pool(String channelType) {
        return pools.getOrDefault(channelType, pools.get("other"));
    }

    @Override
    public void destroy() throws InterruptedException {
        for (ExecutorService pool : pools.values()) {
            pool.shutdown();
        }
        for (ExecutorService pool : pools.values()) {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }

    private static ExecutorService pool(String kind, int threads) {
        return Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform()
                        .name("alerts-send-" + kind + "-", 0)
                        .daemon()
                        .factory());
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
                        .filter(c -> c.key().equals(delivery.channel())
                                || c instanceof Channel.Webhook w
                                        && w.legacyKey().equals(delivery.channel()))
                        .findFirst()
                        .orElse(null);
        Instant started = clock.instant();
        Optional<Instant> release = subscription == null ? Optional.empty() : quiet.releaseAt(subscription, started);
        if (release.isPresent()) {
            // planned before its quiet hours began (a storm group, a retry) or before they were set:
            // it waits for their end as what was planned in them does
            deliveries.defer(id, release.get());
            return;
        }
        try {
            if (channel == null) {
                throw new DeliveryException("the subscription no longer has this channel");
            }
            ChannelSender sender = senders.stream()
                    .filter(s -> s.handles(channel))
                    .findFirst()
                    .orElseThrow(() -> new DeliveryException("no sender for " + channel.type()));
            // planned before its address had to confirm (an earlier version), or before a restart
            if (channel instanceof Channel.Email e && !confirmations.allowed(delivery.owner(), e.address())) {
                deliveries.markUnconfirmed(id);
                return;
            }
            sender.send(delivery, channel, renderer.render(delivery));
            deliveries.markSent(id, clock.instant());
            metrics.sent(delivery, Duration.between(delivery.createdAt(), clock.instant()));
            if (channel instanceof Channel.InApp) {
                events.publishEvent(new NotificationCreated(delivery.owner(), id));
            }
        } catch (DeliveryException | RuntimeException e) {
            if (e instanceof DeliveryException refused && refused.retryAfter() != null) {
                // the channel said when to come back (a rate limit): a wait, not a failed attempt
                deliveries.markRetry(
                        id, delivery.attempts(), clock.instant().plus(refused.retryAfter()), e.getMessage());
                metrics.retried(delivery);
                log.info(
                        "Delivery {} to {} put back for {}: {}",
                        id,
                        delivery.channel(),
                        refused.retryAfter(),
                        e.getMessage());
                return;
            }
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
