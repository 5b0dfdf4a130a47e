package org.outpost.crawler.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.source.SourceHealthChanged;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.outpost.crawler.SourceAlarm;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at every enabled source and raises or clears its alarms: <b>failing</b> when its last
 * {@code failedRuns} runs all failed, <b>silent</b> when its last article is older than its
 * usual gap allows ({@link UsualGap}). A failing source is not also called silent: the failure
 * is the cause, and one message says it. Each change is announced once ({@link
 * SourceHealthChanged}), in the transaction that records it.
 */
@Component
public class SourceAlarms {

    private static final Logger log = LoggerFactory.getLogger(SourceAlarms.class);

    private final SourceRepository sources;
    private final SourceActivity activity;
    private final AlarmRepository alarms;
    private final HealthSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SourceAlarms(
            SourceRepository sources,
            SourceActivity activity,
            AlarmRepository alarms,
            HealthSettings settings,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Optional<Clock> clock) {
        this.sources = sources;
        this.activity = activity;
        this.alarms = alarms;
        this.settings = settings;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Every source's open alarms, by source id. */
    public Map<Long, List<SourceAlarm>> open() {
        return alarms.bySource();
    }

    @Scheduled(
            fixedDelayString = "${outpost.crawler.health-check-interval:15m}",
            initialDelayString = "${outpost.crawler.health-check-interval:15m}")
    void scheduled() {
        try {
            check(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Checking sources' health failed: {}", e.toString());
        }
    }

    /** @return the changes announced by this check */
    public List<SourceHealthChanged> check(Instant now) {
        Map<Long, List<SourceAlarm>> open = alarms.bySource();
        List<SourceHealthChanged> changes = new java.util.ArrayList<>();
        for (Source source : sources.findAll()) {
            List<SourceAlarm> current = open.getOrDefault(source.id(), List.of());
            if (!source.enabled()) {
                // a source switched off is nobody's surprise: its alarms go without a notice
                current.forEach(a -> alarms.clear(source.id(), a.problem()));
                continue;
            }
            Optional<SourceAlarm> failing = failing(source, now);
            Optional<SourceAlarm> silent = failing.isPresent() ? Optional.empty() : silent(source, now);
            change(source, Problem.FAILING, failing, current, now).ifPresent(changes::add);
            change(source, Problem.SILENT, silent, current, now).ifPresent(changes::add);
        }
        return changes;
    }

    private Optional<SourceAlarm> failing(Source source, Instant now) {
        List<SourceActivity.Ended> runs = activity.endedRuns(source.id(), settings.failedRuns());
        if (runs.size() < settings.failedRuns() || runs.stream().anyMatch(r -> r.status() != RunStatus.FAILED)) {
            return Optional.empty();
        }
        return Optional.of(new SourceAlarm(
                Problem.FAILING,
                now,
                runs.getLast().startedAt(),
                null,
                runs.size(),
                runs.getFirst().message()));
    }

    private Optional<SourceAlarm> silent(Source source, Instant now) {
        if (!source.type().isRemote()) {
            return Optional.empty(); // a folder publishes nothing on its own
        }
        List<Instant> dates =
                activity.articleDates(source.id(), now.minus(settings.history()), now, settings.maxArticles());
        return UsualGap.learn(dates, settings)
                .filter(gap -> Duration.between(dates.getFirst(), now).compareTo(gap.silentAfter()) > 0)
                .filter(gap -> lookedSince(source, dates.getFirst().plus(gap.silentAfter())))
                .map(gap -> new SourceAlarm(Problem.SILENT, now, dates.getFirst(), gap.median(), 0, null));
    }

    /**
     * Whether a run read the source after it should have had a new article: silence is what a
     * crawl found, not what the app missed while it was stopped or its schedule had not come yet.
     */
    private boolean lookedSince(Source source, Instant due) {
        return activity.endedRuns(source.id(), 1).stream()
                .anyMatch(run ->
                        run.status() != RunStatus.FAILED && run.startedAt().isAfter(due));
    }

    private Optional<SourceHealthChanged> change(
            Source source, Problem problem, Optional<SourceAlarm> now, List<SourceAlarm> current, Instant at) {
        Optional<SourceAlarm> was =
                current.stream().filter(a -> a.problem() == problem).findFirst();
        if (now.isPresent() == was.isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(transactions.execute(tx -> {
            SourceHealthChanged event;
            if (now.isPresent()) {
                if (!alarms.raise(source.id(), now.get())) {
                    return null;
                }
                event = event(source, now.get(), State.RAISED, at);
            } else {
                if (!alarms.clear(source.id(), problem)) {
                    return null;
                }
                event = event(source, was.get(), State.RECOVERED, at);
            }
            events.publishEvent(event);
            return event;
        }));
    }

    private static SourceHealthChanged event(Source source, SourceAlarm alarm, State state, Instant at) {
        return new SourceHealthChanged(
                source.id(),
                source.name(),
                alarm.problem(),
                state,
                at,
                alarm.since(),
                alarm.usualGap(),
                alarm.failedRuns(),
                alarm.reason());
    }
}
