package org.outpost.alerts.report;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.core.entity.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a report: records the run, reads the period, renders HTML (stored, chart as data: URI)
 * and email (chart by Content-ID), sends it and records the outcome. Runs happen on this
 * instance's own threads, so a slow report never holds up the scheduler's other tasks.
 */
@Component
class ReportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

    private final ReportRepository repository;
    private final ReportComposer composer;
    private final ReportMailer mailer;
    private final AlertsProperties alerts;
    private final ObjectProvider<MeterRegistry> meters;
    private final ReaderLanguages readers;
    private final ExecutorService executor;

    private final EmailConfirmations confirmations;
    private final ReaderProfiles profiles;
    private final AccountStates accounts;

    ReportRunner(
            ReportRepository repository,
            ReportComposer composer,
            ReportMailer mailer,
            AlertsProperties alerts,
            ReportsProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ReaderLanguages readers,
            EmailConfirmations confirmations,
            ReaderProfiles profiles,
            AccountStates accounts) {
        this.confirmations = confirmations;
        this.profiles = profiles;
        this.accounts = accounts;
        this.repository = repository;
        this.composer = composer;
        this.mailer = mailer;
        this.alerts = alerts;
        this.meters = meters;
        this.readers = readers;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread thread = new Thread(r, "outpost-report-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Records a run of the period ending at {@code end} and renders it in the background; returns the run's id. */
    long start(Report report, ReportRun.Trigger trigger, Instant end) {
        return start(report, trigger, end, null);
    }

    /**
     * The same, for a user who asked for it now.
     *
     * @throws ReportBusyException when a run of the report is in progress, on any instance
     */
    long start(Report report, ReportRun.Trigger trigger, Instant end, @Nullable String requestedBy) {
        long runId = claimAndRecord(report, trigger, end, requestedBy);
        try {
            executor.submit(() -> {
                try {
                    execute(report, runId, end);
                } finally {
                    repository.stopRunning(report.id());
                }
            });
        } catch (RejectedExecutionException e) {
            repository.stopRunning(report.id());
            throw e;
        }
        return runId;
    }

    /** Records a run and renders it on this thread (tests, and callers that wait anyway). */
    long runNowAndWait(Report report, ReportRun.Trigger trigger, Instant end) {
        long runId = claimAndRecord(report, trigger, end, null);
        try {
            execute(report, runId, end);
        } finally {
            repository.stopRunning(report.id());
        }
        return runId;
    }

    /** One run of a report at a time: the claim is a conditional update of the report's row, shared by instances. */
    private long claimAndRecord(Report report, ReportRun.Trigger trigger, Instant end, @Nullable String requestedBy) {
        Instant now = Instant.now();
        if (!repository.startRunning(report.id(), now, now.minus(ReportScheduler.ABANDONED_AFTER))) {
            throw new ReportBusyException(report.id());
        }
        try {
            return repository.insertRun(
                    report.id(), trigger, report.period().startOf(end, report.zone()), end, requestedBy);
        } catch (RuntimeException e) {
            repository.stopRunning(report.id());
            throw e;
        }
    }

    void execute(Report report, long runId, Instant end) {
        ReportRun.Status status;
        ReaderTexts texts = ReaderTexts.of(readers.of(report.owner()));
        try {
            // one language per report, its owner's: the stored copy (and so the PDF) and every
            // email, also to recipients given as addresses, whose language Outpost cannot know
            ReportContent content = composer.compose(report, end, texts.locale());
            byte[] chart = TrendChart.png(
                    content.bucketTimes(),
                    content.series(),
                    content.interval(),
                    content.zone(),
                    ReaderTexts.of(content.locale()));
            // no map when the period names no place the map can show
            byte[] map = content.places().isEmpty()
                    ? null
                    : PlacesMap.png(content.places(), Gazetteer.defaults(), content.locale());
            String stored =
                    ReportHtml.render(content, dataUri(chart), map == null ? null : dataUri(map), alerts.publicUrl());
            List<String> addresses = addresses(report);
            String emailError = null;
            if (!addresses.isEmpty()) {
                emailError = mailer.send(
                        addresses,
                        subject(content),
                        ReportHtml.render(
                                content,
                                "cid:" + ReportMailer.CHART_CID,
                                map == null ? null : "cid:" + ReportMailer.MAP_CID,
                                alerts.publicUrl()),
                        ReportText.render(content, alerts.publicUrl()),
                        chart,
                        map,
                        texts);
            }
            status = emailError == null ? ReportRun.Status.SUCCEEDED : ReportRun.Status.EMAIL_FAILED;
            repository.finishRun(runId, status, stored, emailError);
            log.info(
                    "Report {} ({}) run {}: {}{}",
                    report.id(),
                    report.name(),
                    runId,
                    status,
                    emailError == null ? "" : " - " + emailError);
        } catch (RuntimeException e) {
            status = ReportRun.Status.FAILED;
            log.warn("Report {} ({}) run {} failed", report.id(), report.name(), runId, e);
            repository.finishRun(runId, status, null, texts.get("report.error.failed", String.valueOf(e.getMessage())));
        }
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter(
                            "outpost_reports_runs_total",
                            "status",
                            status.name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
        }
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /**
     * Where the report is mailed: the addresses given, once confirmed (unconfirmed ones get their
     * confirmation message instead, issue 15), and the confirmed profile address of each enabled
     * user given by name (issue 17; who has none still reads the report in Outpost). An address
     * reached both ways is mailed once.
     */
    private List<String> addresses(Report report) {
        Map<String, String> byAddress = new LinkedHashMap<>();
        report.addresses().stream()
                .filter(a -> confirmations.allowed(report.owner(), a))
                .forEach(a -> byAddress.putIfAbsent(a.strip().toLowerCase(Locale.ROOT), a.strip()));
        report.users().stream()
                .filter(accounts::active)
                .map(profiles::confirmedEmail)
                .flatMap(Optional::stream)
                .forEach(a -> byAddress.putIfAbsent(a.strip().toLowerCase(Locale.ROOT), a));
        return List.copyOf(byAddress.values());
    }

    static String subject(ReportContent c) {
        ReaderTexts texts = ReaderTexts.of(c.locale());
        return texts.count(
                "report.subject",
                c.total(),
                c.reportName(),
                texts.get("period." + c.period().key() + ".noun"),
                texts.date(c.to(), c.zone()));
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
