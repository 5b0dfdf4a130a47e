package org.outpost.crawler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.crawl.CrawlSettings;
import org.outpost.crawler.crawl.SourceCrawler;
import org.outpost.crawler.health.SourceAlarms;
import org.outpost.crawler.opml.OpmlEntries;
import org.outpost.crawler.opml.OpmlEntry;
import org.outpost.crawler.opml.OpmlPreview;
import org.outpost.crawler.opml.OpmlReader;
import org.outpost.crawler.opml.OpmlWriter;
import org.outpost.crawler.run.CrawlError;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.schedule.CrawlScheduler;
import org.outpost.crawler.source.InvalidSourceException;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.crawler.source.SourceNotFoundException;
import org.outpost.crawler.source.SourceRepository;
import org.outpost.crawler.source.SourceType;
import org.outpost.crawler.websub.WebSubSubscriber;
import org.springframework.stereotype.Service;

/** The crawler module's facade: sources, their runs, and running them. */
@Service
public class SourceService {

    /** Who is changing sources: folder sources and intranet access are for admins only. */
    public record Editor(String username, boolean admin) {}

    private final SourceRepository sources;
    private final RunRepository runs;
    private final CrawlScheduler scheduler;
    private final SourceCrawler crawler;
    private final CrawlSettings settings;
    private final SourceAlarms alarms;
    private final WebSubSubscriber websub;

    public SourceService(
            SourceRepository sources,
            RunRepository runs,
            CrawlScheduler scheduler,
            SourceCrawler crawler,
            CrawlSettings settings,
            SourceAlarms alarms,
            WebSubSubscriber websub) {
        this.alarms = alarms;
        this.websub = websub;
        this.sources = sources;
        this.runs = runs;
        this.scheduler = scheduler;
        this.crawler = crawler;
        this.settings = settings;
    }

    public Source create(SourceDefinition definition, Editor editor) {
        SourceDefinition.Valid valid = permitted(definition.validate(settings.minInterval()), editor);
        Source source = sources.insert(valid, editor.username());
        scheduler.schedule(source);
        if (source.enabled()) {
            scheduler.runNow(source.id()); // a new source shows articles now, not after its first interval
        }
        return source;
    }

    public Source update(long id, SourceDefinition definition, Editor editor) {
        get(id);
        Source source = sources.update(id, permitted(definition.validate(settings.minInterval()), editor));
        if (!source.enabled()) {
            websub.sourceGone(id); // a disabled source's hub stops pushing too
        }
        scheduler.schedule(source);
        return source;
    }

    /**
     * Adds a source on the application's behalf (no owner, no editor's permissions: the sample corpus at
     * startup) unless one of that name exists, and returns the one that is there. It is not scheduled yet.
     */
    public Source addIfAbsent(SourceDefinition definition) {
        // the application's own sources (the shipped list) keep the floor every deployment has
        SourceDefinition.Valid valid = definition.validate();
        return sources.findByName(valid.name()).orElseGet(() -> sources.insert(valid, null));
    }

    /** Gives a source added outside this service (e.g. by {@link #addIfAbsent}) its Quartz job and trigger. */
    public void schedule(long id) {
        scheduler.schedule(get(id));
    }

    public void delete(long id) {
        if (!sources.delete(id)) {
            throw new SourceNotFoundException(id);
        }
        scheduler.unschedule(id);
        websub.sourceGone(id);
    }

    public Source get(long id) {
        return sources.find(id).orElseThrow(() -> new SourceNotFoundException(id));
    }

    public List<SourceStatus> list() {
        Map<Long, CrawlRun> latest = runs.latestPerSource();
        Map<Long, List<SourceAlarm>> open = alarms.open();
        Map<Long, PollPace> learned = scheduler.learnedPaces();
        Map<Long, WebSubStatus> subscriptions = websub.statuses();
        return sources.findAll().stream()
                .map(s -> status(
                        s,
                        latest.get(s.id()),
                        open.getOrDefault(s.id(), List.of()),
                        learned.get(s.id()),
                        subscriptions.get(s.id())))
                .toList();
    }

    public SourceStatus status(long id) {
        Source source = get(id);
        List<CrawlRun> recent = runs.recent(id, 1);
        return status(
                source,
                recent.isEmpty() ? null : recent.getFirst(),
                alarms.open().getOrDefault(id, List.of()),
                scheduler.learnedPaces().get(id),
                websub.statuses().get(id));
    }

    /**
     * Checks every source for silence and failures now (a background job does it every {@code
     * outpost.crawler.health-check-interval}), raising or clearing alarms; each change is published
     * once as a {@link org.outpost.core.source.SourceHealthChanged}.
     *
     * @return the changes this check made
     */
    public List<org.outpost.core.source.SourceHealthChanged> checkHealth(java.time.Instant now) {
        return alarms.check(now);
    }

    /** Starts a run in the background now; see {@link #runs} for its progress. */
    public void runNow(long id) {
        get(id);
        scheduler.runNow(id);
    }

    /** Runs the source in this thread (startup import, tools) and returns the finished run. */
    public CrawlRun runAndWait(long id, RunTrigger trigger) {
        return crawler.crawl(id, trigger, () -> false);
    }

    public List<CrawlRun> runs(long id, int max) {
        get(id);
        return runs.recent(id, max);
    }

    public List<CrawlError> errors(long runId, int max) {
        return runs.errors(runId, max);
    }

    public List<CrawlError> recentErrors(long sourceId, int max) {
        return runs.recentErrors(sourceId, max);
    }

    /**
     * What importing this OPML file would do, entry by entry: new, already present (same address),
     * or invalid with the reason. Nothing is changed.
     *
     * @throws org.outpost.crawler.opml.InvalidOpmlException when the text is not OPML
     */
    public OpmlPreview previewOpml(String opml, Editor editor) {
        return OpmlEntries.classify(
                OpmlReader.read(opml),
                sources.findAll(),
                definition -> permitted(definition.validate(settings.minInterval()), editor));
    }

    /**
     * Adds the new entries of this OPML file as sources (each scheduled and crawled, as {@link
     * #create} does) and leaves the others; an entry that became invalid meanwhile (another import
     * took its name) is reported invalid.
     *
     * @return the entries, the new ones with the id of the source added
     */
    public OpmlPreview importOpml(String opml, Editor editor) {
        List<OpmlEntry> done = new java.util.ArrayList<>();
        for (OpmlEntry entry : previewOpml(opml, editor).entries()) {
            if (entry.status() != OpmlEntry.Status.NEW) {
                done.add(entry);
                continue;
            }
            try {
                done.add(entry.added(create(entry.definition(), editor).id()));
            } catch (InvalidSourceException e) {
                done.add(new OpmlEntry(
                        entry.definition(),
                        OpmlEntry.Status.INVALID,
                        e.field(),
                        e.key(),
                        e.arguments().stream().map(String::valueOf).toList(),
                        null));
            }
        }
        return new OpmlPreview(done);
    }

    /** Every source as OPML 2.0, with its type and address. */
    public String exportOpml() {
        return OpmlWriter.write(sources.findAll(), java.time.Instant.now());
    }

    private SourceStatus status(
            Source source,
            @Nullable CrawlRun last,
            List<SourceAlarm> open,
            @Nullable PollPace learned,
            @Nullable WebSubStatus subscription) {
        return new SourceStatus(
                source,
                last,
                source.enabled() ? scheduler.nextRun(source.id()).orElse(null) : null,
                SourceStatus.healthOf(source, last),
                open,
                source.schedule().isAdaptive() ? pace(source, learned) : null,
                subscription);
    }

    /** A learned pace as it holds now (within the source's current bounds), else the initial one. */
    private PollPace pace(Source source, @Nullable PollPace learned) {
        return learned == null ? scheduler.pace(source) : scheduler.clamped(source, learned);
    }

    private SourceDefinition.Valid permitted(SourceDefinition.Valid valid, Editor editor) {
        if (valid.type() == SourceType.FOLDER) {
            if (!editor.admin()) {
                throw new InvalidSourceException("type", "source.type.folderAdminOnly");
            }
            if (!settings.folderAllowed(Path.of(valid.url()))) {
                throw new InvalidSourceException(
                        "url", "source.url.outsideFolders", valid.url(), String.valueOf(settings.folderRoots()));
            }
        }
        if (valid.allowPrivate() && !editor.admin()) {
            throw new InvalidSourceException("allowPrivate", "source.allowPrivate.adminOnly");
        }
        return valid;
    }
}
