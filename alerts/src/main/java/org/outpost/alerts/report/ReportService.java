package org.outpost.alerts.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.core.index.QueryLimits;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Reports for the dashboard and the REST API. Owners see and change their own reports,
 * recipients named by user name read them, admins see and change all; a report the caller may
 * not see is "not found". Viewers only read.
 */
@NamedInterface("report")
@Service
public class ReportService {

    public static final int MAX_RUNS = 200;

    private final ReportRepository repository;
    private final ReportValidator validator;
    private final ReportRunner runner;
    private final TopicNames topicNames;
    private final ReaderLanguages readers;
    private final ReportsProperties properties;
    private final EmailConfirmations confirmations;

    ReportService(
            ReportRepository repository,
            ReportValidator validator,
            ReportRunner runner,
            TopicNames topicNames,
            ReaderLanguages readers,
            ReportsProperties properties,
            EmailConfirmations confirmations) {
        this.properties = properties;
        this.confirmations = confirmations;
        this.repository = repository;
        this.validator = validator;
        this.runner = runner;
        this.topicNames = topicNames;
        this.readers = readers;
    }

    /**
     * Who is asking; the reasons a definition is refused are in their language.
     *
     * @param readOnly a viewer: may read the reports they receive, change none
     */
    public record Caller(String name, boolean admin, boolean readOnly, QueryLimits queryLimits) {

        /** A caller whose query texts are limited only by what a report stores. */
        public Caller(String name, boolean admin, boolean readOnly) {
            this(name, admin, readOnly, QueryLimits.NONE);
        }
    }

    public List<Report> list(Caller caller) {
        return repository.list().stream()
                .filter(r -> caller.admin() || r.readableBy(caller.name()))
                .toList();
    }

    public Report get(long id, Caller caller) {
        return repository
                .find(id)
                .filter(r -> caller.admin() || r.readableBy(caller.name()))
                .orElseThrow(() -> new ReportNotFoundException("report " + id));
    }

    public Report create(ReportDefinition definition, Caller caller) {
        if (caller.readOnly()) {
            throw new ReportReadOnlyException("viewers read reports; an analyst or admin creates them");
        }
        try {
            ValidReport valid = validator.validate(definition, caller.queryLimits());
            return askToConfirm(repository.insert(caller.name(), valid, nextRun(valid, Instant.now())));
        } catch (InvalidReportException e) {
            throw e.in(readers.of(caller.name()));
        }
    }

    public Report update(long id, ReportDefinition definition, Caller caller) {
        editable(id, caller);
        try {
            ValidReport valid = validator.validate(definition, caller.queryLimits());
            return askToConfirm(repository.update(id, valid, nextRun(valid, Instant.now())));
        } catch (InvalidReportException e) {
            throw e.in(readers.of(caller.name()));
        }
    }

    /** Recipients given as addresses are asked once to confirm, as an alert's are, when the report is saved. */
    private Report askToConfirm(Report report) {
        confirmations.request(report.owner(), report.addresses());
        return report;
    }

    public void delete(long id, Caller caller) {
        editable(id, caller);
        repository.delete(id);
    }

    /**
     * Renders the period up to now in the background; the run is listed at once as running.
     *
     * @throws ReportBusyException when a run of the report is in progress
     * @throws ReportRunLimitException when the caller asked for too many runs lately
     */
    public long runNow(long id, Caller caller) {
        Report report = editable(id, caller);
        Instant now = Instant.now();
        Duration window = properties.runNowWindow();
        List<Instant> recent = repository.requestedSince(caller.name(), now.minus(window));
        if (recent.size() >= properties.runNowLimit()) {
            Instant free = recent.get(recent.size() - properties.runNowLimit()).plus(window);
            throw new ReportRunLimitException(properties.runNowLimit(), window, Duration.between(now, free));
        }
        return runner.start(report, ReportRun.Trigger.MANUAL, now, caller.name());
    }

    /** Newest first. */
    public List<ReportRun> runs(long id, Caller caller, int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RUNS + ", was " + limit);
        }
        get(id, caller);
        return repository.runs(id, limit);
    }

    public Optional<ReportRun> lastRun(long id, Caller caller) {
        return runs(id, caller, 1).stream().findFirst();
    }

    public ReportRun run(long id, long runId, Caller caller) {
        get(id, caller);
        return repository
                .findRun(runId)
                .filter(run -> run.reportId() == id)
                .orElseThrow(() -> new ReportNotFoundException("run " + runId + " of report " + id));
    }

    /** The rendered report of a finished run, images inline as data: URIs. */
    public String html(long id, long runId, Caller caller) {
        ReportRun run = run(id, runId, caller);
        return repository
                .html(run.id())
                .orElseThrow(() -> new ReportNotFoundException("the report of run " + runId + " ("
                        + run.status().name().toLowerCase(java.util.Locale.ROOT) + ")"));
    }

    public byte[] pdf(long id, long runId, Caller caller) {
        return ReportPdf.render(html(id, runId, caller));
    }

    /** Topic ids and names a report can cover, by name. */
    public Map<String, String> topics() {
        return topics(java.util.Locale.ENGLISH);
    }

    /** Topic ids and names a report can cover, named and ordered for a reader of {@code locale}. */
    public Map<String, String> topics(java.util.Locale locale) {
        Map<String, String> byName = new TreeMap<>(java.text.Collator.getInstance(locale));
        topicNames.all(locale).forEach((id, name) -> byName.put(name, id));
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        byName.forEach((name, id) -> ordered.put(id, name));
        return ordered;
    }

    private Report editable(long id, Caller caller) {
        Report report = get(id, caller);
        if (caller.readOnly() || !(caller.admin() || report.owner().equals(caller.name()))) {
            throw new ReportReadOnlyException("only the owner of report " + id + " or an admin may change or run it");
        }
        return report;
    }

    private static @Nullable Instant nextRun(ValidReport report, Instant now) {
        return report.enabled() ? report.schedule().nextAfter(now) : null;
    }
}
