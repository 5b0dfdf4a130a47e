package org.outpost.dashboard.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.alerts.source.SourceNotice;
import org.outpost.crawler.SourceAlarm;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.opml.InvalidOpmlException;
import org.outpost.crawler.opml.OpmlEntry;
import org.outpost.crawler.opml.OpmlPreview;
import org.outpost.crawler.run.CrawlError;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.source.SourceAlertFollowers;
import org.outpost.dashboard.ui.ListGrid;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.MainLayout;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.springframework.context.ApplicationEventPublisher;

/** What Outpost crawls: each source's health, last and next run, recent errors; add, edit, run now. */
@Route(value = "sources", layout = MainLayout.class)
@Menu(order = 5, icon = "vaadin:rss", title = "Sources")
@PermitAll
class SourcesView extends VerticalLayout implements HasDynamicTitle {

    private final SourceService sources;
    private final ApplicationEventPublisher events;
    private final boolean canEdit;
    private final boolean admin;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Grid<SourceStatus> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final Paragraph empty = new Paragraph(Texts.get("sources.empty"));
    private final SourceAlerts alerts;
    private final SourceAlertFollowers followers;
    private final Div notices = new Div();

    SourcesView(
            SourceService sources,
            AuthenticationContext auth,
            ApplicationEventPublisher events,
            SourceAlerts alerts,
            SourceAlertFollowers followers) {
        this.events = events;
        this.sources = sources;
        this.alerts = alerts;
        this.followers = followers;
        this.admin = auth.hasRole("ADMIN");
        this.canEdit = admin || auth.hasRole("ANALYST");
        addClassName("sources-view");
        setSizeFull();
        configureGrid();
        details.addClassName("source-details");
        details.setPadding(false);
        add(header(), notices, empty, grid, details);
        refresh();
    }

    private Component header() {
        Button add = ListHeader.addButton(getTranslation("sources.add"), e -> edit(null));
        add.setVisible(canEdit);
        Button importOpml = new Button(getTranslation("sources.opml.import"), e -> importOpml());
        importOpml.addClassName("opml-import");
        importOpml.setVisible(canEdit);
        return new ListHeader(
                getTranslation("nav.sources"), ListHeader.reloadButton(this::refresh), exportOpml(), importOpml, add);
    }

    private Anchor exportOpml() {
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = sources.exportOpml().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "outpost-sources.opml", "text/x-opml", bytes.length);
                }),
                getTranslation("sources.opml.export"));
        export.addClassName("opml-export");
        return export;
    }

    private void importOpml() {
        SourceService.Editor editor = new SourceService.Editor(currentUser(), admin);
        new OpmlImportDialog(
                        opml -> readable(() -> sources.previewOpml(opml, editor)),
                        opml -> {
                            OpmlPreview done = readable(() -> sources.importOpml(opml, editor));
                            done.entries().stream()
                                    .filter(e -> e.status() == OpmlEntry.Status.NEW && e.existingId() != null)
                                    .forEach(e -> events.publishEvent(Auditing.byCurrentUser(
                                            "SOURCE_CREATED",
                                            "source",
                                            e.existingId(),
                                            "name",
                                            e.definition().name(),
                                            "from",
                                            "opml")));
                            return done;
                        },
                        this::refresh)
                .open();
    }

    private OpmlPreview readable(java.util.function.Supplier<OpmlPreview> read) {
        try {
            return read.get();
        } catch (InvalidOpmlException e) {
            throw new IllegalArgumentException(getTranslation("sources.opml.unreadable", e.getMessage()), e);
        }
    }

    private void showNotices() {
        notices.removeAll();
        String user = currentUser();
        List<SourceNotice> unread = alerts.notices(user, 20).stream()
                .filter(n -> n.readAt() == null)
                .limit(5)
                .toList();
        notices.add(new SourceNoticesPanel(
                followers.follows(user),
                unread,
                n -> new String[] {alerts.title(n, getLocale()), alerts.text(n, getLocale())},
                n -> format(n.createdAt()),
                follow -> followers.set(user, follow),
                () -> {
                    alerts.markRead(user, null);
                    showNotices();
                }));
    }

    private void configureGrid() {
        ListGrid.setUp(grid, "sources-grid");
        grid.addComponentColumn(this::nameCell)
                .setHeader(getTranslation("explore.source"))
                .setFlexGrow(3)
                .setAutoWidth(false);
        grid.addComponentColumn(this::healthCell)
                .setHeader(getTranslation("sources.col.health"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> describeRun(s.lastRun()))
                .setHeader(getTranslation("sources.col.last"))
                .setFlexGrow(2);
        grid.addColumn(s -> s.nextRun() == null ? "—" : format(s.nextRun()))
                .setHeader(getTranslation("reports.col.next"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        ListGrid.addActions(grid, this::actions);
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
    }

    private Component nameCell(SourceStatus status) {
        Span name = new Span(status.source().name());
        name.addClassName("source-name");
        // an adaptive source says how often it is polled now and why: "every 7 min: publishes about every 25 min"
        String schedule = status.pace() == null
                ? status.source().schedule().expression()
                : status.source().schedule().expression() + " (" + status.pace().describe(getLocale()) + ")";
        Span meta = new Span(SourceForm.label(status.source().type()) + " · " + schedule + " · "
                + status.source().url());
        meta.addClassName("source-meta");
        Div cell = new Div(name, meta);
        cell.addClassName("source-cell");
        return cell;
    }

    /** The one-word health, and beside it what is wrong for longer: silent, failing. */
    private Component healthCell(SourceStatus status) {
        Div cell = new Div(healthBadge(status));
        cell.addClassName("source-health");
        for (SourceAlarm alarm : status.alarms()) {
            String problem = alarm.problem().name().toLowerCase(Locale.ROOT);
            Span badge = new Span(getTranslation("sources.alarm." + problem));
            badge.getElement().getThemeList().add("badge error primary");
            badge.addClassName("source-alarm");
            badge.addClassName("source-alarm-" + problem);
            String tip = alarm.problem() == org.outpost.core.source.SourceHealthChanged.Problem.SILENT
                    ? getTranslation(
                            "sources.alarm.silent.tip",
                            format(alarm.since()),
                            alarm.usualGap() == null ? "—" : alerts.gap(alarm.usualGap(), getLocale()))
                    : getTranslation(
                            "sources.alarm.failing.tip",
                            alarm.failedRuns(),
                            format(alarm.since()),
                            alarm.reason() == null ? "—" : alarm.reason());
            badge.setTitle(tip);
            badge.getElement().setAttribute("aria-label", tip);
            cell.add(badge);
        }
        if (status.websub() != null) {
            cell.add(webSubBadge(status.websub()));
        }
        return cell;
    }

    /** "WebSub: active until …", or the hub's refusal; the hub and the pushes taken on hover. */
    private Component webSubBadge(org.outpost.crawler.WebSubStatus websub) {
        String label = switch (websub.state()) {
            case "active" ->
                getTranslation(
                        "sources.websub.active", websub.leaseUntil() == null ? "—" : format(websub.leaseUntil()));
            case "denied" -> getTranslation("sources.websub.denied", websub.error() == null ? "—" : websub.error());
            default -> getTranslation("sources.websub." + websub.state());
        };
        Span badge = new Span(label);
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (websub.state()) {
                            case "active" -> "success";
                            case "denied" -> "error";
                            default -> "contrast";
                        });
        badge.addClassName("source-websub");
        badge.addClassName("source-websub-" + websub.state());
        String tip = getTranslation("sources.websub.tip", websub.hub(), websub.deliveries(), websub.rejected())
                + (websub.error() == null || "denied".equals(websub.state())
                        ? ""
                        : " " + getTranslation("sources.websub.lastError", websub.error()));
        badge.setTitle(tip);
        badge.getElement().setAttribute("aria-label", label + ". " + tip);
        return badge;
    }

    private static Component healthBadge(SourceStatus status) {
        Span badge = new Span(Texts.get("health." + status.health().name().toLowerCase(Locale.ROOT)));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (status.health()) {
                            case OK -> "success";
                            case FAILING -> "error";
                            case WARNING -> "warning";
                            case RUNNING, NEW -> "";
                            case DISABLED -> "contrast";
                        });
        return badge;
    }

    private Component actions(SourceStatus status) {
        Button run = new Button(getTranslation("sources.runNow"), e -> {
            sources.runNow(status.source().id());
            Notification.show(getTranslation("sources.crawling", status.source().name()));
        });
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button edit = new Button(getTranslation("action.edit"), e -> edit(status));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        run.setVisible(canEdit);
        edit.setVisible(canEdit);
        return new HorizontalLayout(run, edit);
    }

    private void edit(@Nullable SourceStatus status) {
        SourceService.Editor editor = new SourceService.Editor(currentUser(), admin);
        new SourceForm(status == null ? null : status.source(), admin, definition -> {
                    if (status == null) {
                        long id = sources.create(definition, editor).id();
                        events.publishEvent(
                                Auditing.byCurrentUser("SOURCE_CREATED", "source", id, "name", definition.name()));
                    } else {
                        sources.update(status.source().id(), definition, editor);
                        events.publishEvent(Auditing.byCurrentUser(
                                "SOURCE_CHANGED", "source", status.source().id(), "name", definition.name()));
                    }
                    refresh();
                })
                .open();
    }

    private void showDetails(@Nullable SourceStatus status) {
        details.removeAll();
        if (status == null) {
            return;
        }
        details.add(new H3(getTranslation("sources.runs", status.source().name())));
        List<CrawlRun> runs = sources.runs(status.source().id(), 10);
        if (runs.isEmpty()) {
            details.add(new Paragraph(getTranslation(canEdit ? "sources.notCrawled.canRun" : "sources.notCrawled")));
            return;
        }
        Grid<CrawlRun> runGrid = new Grid<>();
        runGrid.addColumn(r -> format(r.startedAt()))
                .setHeader(getTranslation("reports.col.started"))
                .setAutoWidth(true);
        runGrid.addColumn(r -> runStatus(r.status().name()))
                .setHeader(getTranslation("log.status"))
                .setAutoWidth(true);
        runGrid.addColumn(CrawlRun::pagesFetched).setHeader(getTranslation("sources.col.pages"));
        runGrid.addColumn(CrawlRun::articlesNew).setHeader(getTranslation("sources.col.new"));
        runGrid.addColumn(CrawlRun::articlesUpdated).setHeader(getTranslation("sources.col.updated"));
        runGrid.addColumn(CrawlRun::articlesDuplicate).setHeader(getTranslation("sources.col.copies"));
        runGrid.addColumn(CrawlRun::errors).setHeader(getTranslation("sources.col.errors"));
        runGrid.addColumn(r -> r.message() == null ? "" : r.message())
                .setHeader(getTranslation("reports.col.note"))
                .setFlexGrow(3);
        runGrid.setItems(runs);
        runGrid.setAllRowsVisible(true);
        details.add(runGrid);
        List<CrawlError> errors = sources.recentErrors(status.source().id(), 20);
        if (!errors.isEmpty()) {
            details.add(new H3(getTranslation("sources.recentErrors")));
            Grid<CrawlError> errorGrid = new Grid<>();
            errorGrid
                    .addColumn(e -> format(e.at()))
                    .setHeader(getTranslation("log.when"))
                    .setAutoWidth(true);
            errorGrid
                    .addColumn(CrawlError::kind)
                    .setHeader(getTranslation("sources.col.kind"))
                    .setAutoWidth(true);
            errorGrid
                    .addColumn(e -> e.url() == null ? "" : e.url())
                    .setHeader(getTranslation("sources.col.address"))
                    .setFlexGrow(2);
            errorGrid
                    .addColumn(CrawlError::reason)
                    .setHeader(getTranslation("sources.col.reason"))
                    .setFlexGrow(3);
            errorGrid.setItems(errors);
            errorGrid.setAllRowsVisible(true);
            details.add(errorGrid);
        }
    }

    private void refresh() {
        // a silent or failing source is what the reader came to see: those first, the rest by name
        ListGrid.show(
                grid,
                empty,
                sources.list().stream()
                        .sorted(java.util.Comparator.comparing(
                                (SourceStatus s) -> s.alarms().isEmpty()))
                        .toList());
        showNotices();
    }

    private String describeRun(@Nullable CrawlRun run) {
        if (run == null) {
            return getTranslation("sources.never");
        }
        String when = format(run.startedAt());
        String status = runStatus(run.status().name());
        Duration took = run.duration();
        return when + " · " + status + " · "
                + getTranslation("sources.runCounts", run.articlesNew(), run.articlesDuplicate(), run.errors())
                + (took == null ? "" : " · " + getTranslation("sources.seconds", Math.max(1, took.toSeconds())));
    }

    private String format(Instant instant) {
        return LocalFormat.shortDateTime(instant, zone, getLocale());
    }

    /** How a crawl run ended, in the reader's language ({@code SUCCEEDED} → "succeeded"). */
    static String runStatus(String status) {
        return Texts.get("run." + status.toLowerCase(Locale.ROOT));
    }

    private String currentUser() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()
                .getName();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.sources"));
    }
}
