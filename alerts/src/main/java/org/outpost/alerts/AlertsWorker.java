package org.outpost.alerts;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.outpost.alerts.delivery.DeliveriesPlanned;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.digest.DigestScheduler;
import org.outpost.alerts.match.InstantMatcher;
import org.outpost.alerts.newname.NewNameAlerts;
import org.outpost.alerts.spike.SpikeAlerts;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The module's own background threads, apart from the app's shared scheduler so a slow mail
 * server cannot hold up crawling: one sends deliveries (every {@code dispatchInterval}), the
 * second plans digests and checks spikes and new names, the third picks up subscriptions changed on other
 * instances (every {@code subscriptionRefresh}).
 */
@Component
class AlertsWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertsWorker.class);
    private static final Duration DIGEST_CHECK = Duration.ofSeconds(20);

    private final AlertsProperties properties;
    private final DeliveryDispatcher dispatcher;
    private final DigestScheduler digests;
    private final SpikeAlerts spikes;
    private final InstantMatcher matcher;
    private final EmailConfirmations confirmations;
    private final NewNameAlerts newNames;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService sender;
    private ScheduledExecutorService planner;
    private ScheduledExecutorService refresher;

    AlertsWorker(
            AlertsProperties properties,
            DeliveryDispatcher dispatcher,
            DigestScheduler digests,
            SpikeAlerts spikes,
            InstantMatcher matcher,
            EmailConfirmations confirmations,
            NewNameAlerts newNames) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.digests = digests;
        this.spikes = spikes;
        this.matcher = matcher;
        this.confirmations = confirmations;
        this.newNames = newNames;
    }

    @Override
    public synchronized void start() {
        if (!properties.scheduler() || sender != null) {
            return;
        }
        sender = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alerts-sender").daemon().factory());
        planner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alerts-planner").daemon().factory());
        // its own thread: a spike check of minutes must not leave another instance's new
        // subscription unmatched here for that long
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alerts-refresh").daemon().factory());
        log.info("Alerts worker started: sending every {}", properties.dispatchInterval());
        every(sender, properties.dispatchInterval(), "sending deliveries", dispatcher::startDue);
        every(planner, DIGEST_CHECK, "planning digests", () -> digests.sendDue());
        every(planner, DIGEST_CHECK, "sending email confirmations", confirmations::sendPending);
        every(planner, properties.spikeInterval(), "checking spikes", () -> spikes.check());
        every(planner, newNames.interval(), "checking new names", () -> newNames.check());
        every(refresher, properties.subscriptionRefresh(), "reloading subscriptions", matcher::refreshIfChanged);
    }

    private static void every(ScheduledExecutorService executor, Duration interval, String what, Runnable task) {
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        // the database or the index is away; the next round tries again
                        log.warn("Alerts: {} failed: {}", what, e.toString());
                    } catch (Error e) {
                        // an executor swallows what escapes and stops the schedule: say so
                        log.error("Alerts: {} stopped", what, e);
                        throw e;
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends at once what was just planned, so a match does not wait for the next round. */
    @EventListener
    void onPlanned(DeliveriesPlanned planned) {
        ScheduledExecutorService executor = sender;
        if (executor != null && wakeQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        dispatcher.startDue();
                    } catch (RuntimeException e) {
                        log.warn("Alerts: sending deliveries failed: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // stopping
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (sender != null) {
            sender.shutdownNow();
            planner.shutdownNow();
            refresher.shutdownNow();
            try {
                sender.awaitTermination(10, TimeUnit.SECONDS);
                planner.awaitTermination(10, TimeUnit.SECONDS);
                refresher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sender = null;
            planner = null;
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sender != null;
    }
}
