package org.outpost.crawler.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.outpost.crawler.crawl.HubAdvertised;
import org.outpost.crawler.schedule.CrawlScheduler;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each feed source's WebSub subscription in step with what its feed advertises and with
 * the source and the setting: subscribes when a crawl finds a hub, renews before the lease ends,
 * retries failed requests with a back-off, and unsubscribes when the source is removed or
 * disabled, its feed names another hub or none, or the setting is turned off. With the setting
 * off and no subscription left from before, it sends nothing at all.
 */
@Component
public class WebSubSubscriber {

    private static final Logger log = LoggerFactory.getLogger(WebSubSubscriber.class);
    /** How long a hub may take to verify a request before it is sent again. */
    static final Duration VERIFY_WAIT = Duration.ofHours(1);
    /** An unsubscription the hub never verified is forgotten after this: the lease ends it anyway. */
    static final Duration UNSUBSCRIBE_WAIT = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSubSettings settings;
    private final HubSubscriptions subscriptions;
    private final SourceRepository sources;
    private final HubClient hubs;
    private final CrawlScheduler scheduler;
    private final Clock clock;

    WebSubSubscriber(
            WebSubSettings settings,
            HubSubscriptions subscriptions,
            SourceRepository sources,
            HubClient hubs,
            CrawlScheduler scheduler,
            Optional<Clock> clock) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.hubs = hubs;
        this.scheduler = scheduler;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A crawl read a feed: subscribe to its hub, or follow a change of hub or topic. */
    @EventListener
    void on(HubAdvertised advertised) {
        if (!settings.enabled()) {
            return; // off: nothing is stored, nothing is sent
        }
        Optional<Source> source = sources.find(advertised.sourceId()).filter(WebSubSubscriber::subscribable);
        if (source.isEmpty()) {
            return;
        }
        Optional<Subscription> current = subscriptions.current(advertised.sourceId());
        URI hub = advertised.hubs().isEmpty() ? null : advertised.hubs().getFirst();
        URI topic = advertised.self();
        if (hub == null || topic == null) {
            current.ifPresent(this::unsubscribe); // no hub any more (or no topic to name): polling only
            return;
        }
        if (current.isPresent()
                && current.get().hub().equals(hub)
                && current.get().topic().equals(topic)) {
            return; // the job renews and retries it; a hub that denied is not asked again for the same topic
        }
        current.ifPresent(this::unsubscribe);
        subscribe(source.get(), hub, topic);
    }

    /** Each source's current subscription, as the Sources view shows it. */
    public java.util.Map<Long, org.outpost.crawler.WebSubStatus> statuses() {
        java.util.Map<Long, org.outpost.crawler.WebSubStatus> statuses = new java.util.HashMap<>();
        subscriptions.currentBySource().forEach((sourceId, s) -> statuses.put(sourceId, status(s)));
        return statuses;
    }

    static org.outpost.crawler.WebSubStatus status(Subscription s) {
        return new org.outpost.crawler.WebSubStatus(
                s.state().name().toLowerCase(java.util.Locale.ROOT),
                s.hub().toString(),
                s.topic().toString(),
                s.state() == SubscriptionState.ACTIVE ? s.leaseUntil() : null,
                s.lastError(),
                s.deliveries(),
                s.rejected(),
                s.lastDeliveryAt());
    }

    /** The source was deleted or disabled: its hub stops pushing. */
    public void sourceGone(long sourceId) {
        subscriptions.current(sourceId).ifPresent(this::unsubscribe);
    }

    /**
     * The periodic work (a clustered Quartz job runs it, once per cluster at a time): renewals
     * due, requests to retry, leases run out, and subscriptions that should end.
     *
     * @return subscriptions acted on
     */
    public int maintain() {
        return maintain(clock.instant());
    }

    int maintain(Instant now) {
        int acted = 0;
        for (Subscription s : subscriptions.all()) {
            try {
                if (maintain(s, now)) {
                    acted++;
                }
            } catch (RuntimeException e) {
                log.warn("WebSub subscription {} of source {}: {}", s.id(), s.sourceId(), e.toString());
            }
        }
        return acted;
    }

    private boolean maintain(Subscription s, Instant now) {
        if (s.state() == SubscriptionState.UNSUBSCRIBING) {
            if (s.requestedAt().plus(UNSUBSCRIBE_WAIT).isBefore(now)) {
                subscriptions.delete(s.id());
                return true;
            }
            return due(s, now) && claim(s, now) && sendUnsubscribe(s, now);
        }
        Optional<Source> source = sources.find(s.sourceId());
        if (!settings.enabled() || source.isEmpty() || !subscribable(source.get())) {
            unsubscribe(s);
            return true;
        }
        if (s.state() == SubscriptionState.ACTIVE
                && s.leaseUntil() != null
                && !s.leaseUntil().isAfter(now)) {
            // the renewal was never verified: the hub stopped pushing, so the source's own pace returns
            subscriptions.state(s.id(), SubscriptionState.EXPIRED, now);
            scheduler.schedule(source.get());
            return true;
        }
        if (s.state() == SubscriptionState.DENIED || !due(s, now) || !claim(s, now)) {
            return false;
        }
        sendSubscribe(s, source.get(), now);
        return true;
    }

    private static boolean due(Subscription s, Instant now) {
        return s.nextActionAt() != null && !s.nextActionAt().isAfter(now);
    }

    /** Of instances finding the same row due, the one whose update lands sends. */
    private boolean claim(Subscription s, Instant now) {
        return subscriptions.claim(s, now.plus(VERIFY_WAIT));
    }

    private void subscribe(Source source, URI hub, URI topic) {
        Instant now = clock.instant();
        String callbackId = random(32);
        long id =
                subscriptions.insert(source.id(), topic, hub, callbackId, settings.callback(callbackId), secret(), now);
        Subscription created = subscriptions.find(id).orElseThrow();
        if (!"https".equalsIgnoreCase(hub.getScheme()) && !privateAllowed(source)) {
            // WebSub §5.1: the secret travels only over HTTPS; without it no push could be trusted
            subscriptions.deny(id, "the hub " + hub + " is not HTTPS; its pushes could not be verified");
            return;
        }
        sendSubscribe(created, source, now);
    }

    private void sendSubscribe(Subscription s, Source source, Instant now) {
        HubClient.Answer answer = hubs.subscribe(s, privateAllowed(source));
        if (answer.accepted()) {
            subscriptions.requested(s.id(), now.plus(VERIFY_WAIT));
            log.info("WebSub: asked {} to push {} (source '{}')", s.hub(), s.topic(), source.name());
        } else {
            subscriptions.failed(s.id(), answer.error(), now.plus(backoff(s.failedRequests() + 1)));
            log.info("WebSub: {} refused or failed to subscribe {}: {}", s.hub(), s.topic(), answer.error());
        }
    }

    private void unsubscribe(Subscription s) {
        Instant now = clock.instant();
        boolean wasPushing = s.pushing(now);
        subscriptions.unsubscribing(s.id(), now);
        Subscription ending = subscriptions.find(s.id()).orElse(s);
        if (s.state() == SubscriptionState.DENIED || s.verifiedAt() == null && s.failedRequests() > 0) {
            subscriptions.delete(s.id()); // the hub holds nothing to end
        } else if (claim(ending, now)) {
            sendUnsubscribe(ending, now);
        }
        if (wasPushing) {
            sources.find(s.sourceId()).ifPresent(scheduler::schedule);
        }
    }

    private boolean sendUnsubscribe(Subscription s, Instant now) {
        boolean allowPrivate =
                sources.find(s.sourceId()).map(this::privateAllowed).orElse(false);
        HubClient.Answer answer = hubs.unsubscribe(s, allowPrivate);
        if (answer.accepted()) {
            log.info("WebSub: asked {} to stop pushing {}", s.hub(), s.topic());
        } else {
            subscriptions.failed(s.id(), answer.error(), now.plus(backoff(s.failedRequests() + 1)));
        }
        return true;
    }

    /** Five minutes, doubled per failure in a row, at most a day. */
    static Duration backoff(int failures) {
        long minutes = 5L << Math.min(Math.max(0, failures - 1), 9);
        return Duration.ofMinutes(Math.min(minutes, Duration.ofDays(1).toMinutes()));
    }

    private boolean privateAllowed(Source source) {
        return source.allowPrivate() || settings.allowPrivateHubs();
    }

    static boolean subscribable(Source source) {
        return source.enabled()
                && (source.type() == org.outpost.crawler.source.SourceType.RSS
                        || source.type() == org.outpost.crawler.source.SourceType.ATOM);
    }

    /** A hub.secret: WebSub asks for a cryptographically random one under 200 bytes. */
    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An unguessable callback id: nobody can post to or verify for a subscription they did not see. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
