package org.outpost.dashboard.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
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
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.report.Report;
import org.outpost.alerts.report.ReportBusyException;
import org.outpost.alerts.report.ReportRun;
import org.outpost.alerts.report.ReportRunLimitException;
import org.outpost.alerts.report.ReportService;
import org.outpost.dashboard.article.ArticleService;
import org.outpost.dashboard.report.ReportCallers;
import org.outpost.dashboard.ui.ListGrid;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.MainLayout;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;
import org.springframework.security.core.context.SecurityContextHolder;

/** Scheduled summary reports: definitions with their next run, add and edit, run now, past runs, open or download one. */
@Route(value = "reports", layout = MainLayout.class)
@Menu(order = 6, icon = "vaadin:file-text-o", title = "Reports")
@PermitAll
class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final ReportService reports;
    private final ArticleService articles;
    private final ReportService.Caller caller;
    private final Grid<Report> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final Paragraph empty = new Paragraph();
    private @Nullable Registration polling;

    ReportsView(ReportService reports, ArticleService articles) {
        this.reports = reports;
        this.articles = articles;
        this.caller = ReportCallers.of(SecurityContextHolder.getContext().getAuthentication(), articles.queryLimits());
        addClassName("reports-view");
        setSizeFull();
        empty.addClassName("reports-empty");
        empty.setText(getTranslation(caller.readOnly() ? "reports.empty.reader" : "reports.empty"));
        configureGrid();
        details.addClassName("report-details");
        details.setPadding(false);
        add(header(), empty, grid, details);
        refresh();
    }

    private Component header() {
        Button add = ListHeader.addButton(getTranslation("reports.add"), e -> edit(null));
        add.addClassName("add-report");
        add.setVisible(!caller.readOnly());
        return new ListHeader(getTranslation("nav.reports"), ListHeader.reloadButton(this::refresh), add);
    }

    private void configureGrid() {
        ListGrid.setUp(grid, "reports-grid");
        grid.addComponentColumn(ReportsView::nameCell)
                .setHeader(getTranslation("reports.col.report"))
                .setFlexGrow(3);
        grid.addColumn(r -> getTranslation("reports.form.period." + r.period().key()))
                .setHeader(getTranslation("overview.period"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.schedule() + " · " + r.zone().getId())
                .setHeader(getTranslation("reports.col.schedule"))
                .setFlexGrow(2);
        grid.addColumn(r -> r.nextRunAt() == null
                        ? getTranslation("reports.notScheduled")
                        : format(r.nextRunAt(), r.zone()))
                .setHeader(getTranslation("reports.col.next"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.recipients().isEmpty() ? "—" : String.join(", ", r.recipients()))
                .setHeader(getTranslation("reports.col.recipients"))
                .setFlexGrow(2);
        ListGrid.addActions(grid, this::actions);
        grid.asSingleSelect().addValueChangeListener(e -> showRuns(e.getValue()));
    }

    private static Component nameCell(Report report) {
        Span name = new Span(report.name());
        name.addClassName("report-name");
        name.getStyle().set("font-weight", "600");
        String scope = (report.topics().isEmpty()
                        ? Texts.get("reports.everyTopic")
                        : String.join(
                                ", ",
                                report.topics().stream()
                                        .map(t -> TopicNames.of(t, t))
                                        .toList()))
                + (report.sources().isEmpty() ? "" : " · " + String.join(", ", report.sources()))
                + (report.query() == null ? "" : " · " + report.query()) + " · "
                + Texts.get("reports.by", report.owner());
        Span meta = new Span(scope);
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div cell = new Div(name, new Div(meta));
        cell.addClassName("report-cell");
        return cell;
    }

    private Component actions(Report report) {
        boolean canChange =
                !caller.readOnly() && (caller.admin() || report.owner().equals(caller.name()));
        Button run = new Button(getTranslation("reports.runNow"), e -> runNow(report));
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        run.addClassName("run-report");
        run.getElement().setAttribute("data-report", report.name());
        Button edit = new Button(getTranslation("action.edit"), e -> edit(report));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button(getTranslation("action.delete"), e -> confirmDelete(report));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        run.setVisible(canChange);
        edit.setVisible(canChange);
        delete.setVisible(canChange);
        return new HorizontalLayout(run, edit, delete);
    }

    void runNow(Report report) {
        try {
            reports.runNow(report.id(), caller);
        } catch (ReportBusyException e) {
            Notification.show(getTranslation("reports.busy", report.name()));
            return;
        } catch (ReportRunLimitException e) {
            Notification.show(getTranslation(
                    "reports.runLimit",
                    e.limit(),
                    e.window().toMinutes(),
                    Math.max(1, e.retryAfter().toMinutes())));
            return;
        }
        Notification.show(getTranslation(
                "reports.making", report.name(), periodName(report.period().key())));
        grid.select(report);
        showRuns(report);
    }

    private void edit(@Nullable Report report) {
        Map<String, String> topics = reports.topics();
        List<String> sources = knownSources();
        new ReportForm(report, topics, sources, definition -> {
                    Report saved = report == null
                            ? reports.create(definition, caller)
                            : reports.update(report.id(), definition, caller);
                    refresh();
                    grid.select(saved);
                })
                .open();
    }

    private List<String> knownSources() {
        try {
            return articles.sources(500).stream()
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
        } catch (RuntimeException e) {
            return List.of(); // the index is down: sources can still be typed
        }
    }

    private void confirmDelete(Report report) {
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("alerts.delete.title", report.name()),
                getTranslation("reports.delete.text"),
                getTranslation("action.delete"),
                e -> {
                    reports.delete(report.id(), caller);
                    details.removeAll();
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void showRuns(@Nullable Report report) {
        details.removeAll();
        stopPolling();
        if (report == null) {
            return;
        }
        details.add(new H3(getTranslation("reports.runs", report.name())));
        List<ReportRun> runs = reports.runs(report.id(), caller, 30);
        if (runs.isEmpty()) {
            Paragraph none = new Paragraph(
                    report.nextRunAt() == null
                            ? getTranslation("reports.notRun")
                            : getTranslation("reports.notRun.next", format(report.nextRunAt(), report.zone())));
            none.addClassName("runs-empty");
            details.add(none);
            return;
        }
        Grid<ReportRun> runGrid = new Grid<>();
        runGrid.addClassName("report-runs");
        runGrid.addColumn(r -> format(r.startedAt(), report.zone()))
                .setHeader(getTranslation("reports.col.started"))
                .setAutoWidth(true);
        runGrid.addColumn(r -> format(r.periodStart(), report.zone()) + " – " + format(r.periodEnd(), report.zone()))
                .setHeader(getTranslation("reports.col.covers"))
                .setAutoWidth(true);
        runGrid.addColumn(r -> getTranslation(
                        r.trigger() == ReportRun.Trigger.MANUAL
                                ? "reports.trigger.manual"
                                : "reports.trigger.scheduled"))
                .setHeader(getTranslation("reports.col.how"))
                .setAutoWidth(true);
        runGrid.addComponentColumn(ReportsView::statusBadge)
                .setHeader(getTranslation("log.status"))
                .setAutoWidth(true);
        runGrid.addColumn(r -> r.error() == null ? "" : r.error())
                .setHeader(getTranslation("reports.col.note"))
                .setFlexGrow(3);
        runGrid.addComponentColumn(r -> runActions(report, r))
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runGrid.setItems(runs);
        runGrid.setAllRowsVisible(true);
        details.add(runGrid);
        if (runs.stream().anyMatch(r -> r.status() == ReportRun.Status.RUNNING)) {
            // a run renders in the background: look again until it is done
            UI ui = UI.getCurrent();
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> showRuns(report));
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    private static Component statusBadge(ReportRun run) {
        Span badge = new Span(
                switch (run.status()) {
                    case RUNNING -> Texts.get("reports.status.running");
                    case SUCCEEDED -> Texts.get("reports.status.succeeded");
                    case EMAIL_FAILED -> Texts.get("reports.status.emailFailed");
                    case FAILED -> Texts.get("log.state.failed");
                });
        badge.addClassName("run-status");
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (run.status()) {
                            case SUCCEEDED -> "success";
                            case EMAIL_FAILED -> "warning";
                            case FAILED -> "error";
                            case RUNNING -> "";
                        });
        return badge;
    }

    private Component runActions(Report report, ReportRun run) {
        if (!run.hasReport()) {
            return new Span();
        }
        Button open = new Button(getTranslation("reports.open"), e -> open(report, run));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.addClassName("open-run");
        return new HorizontalLayout(open, pdfLink(report, run));
    }

    private Anchor pdfLink(Report report, ReportRun run) {
        ReportService.Caller who = caller;
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = reports.pdf(report.id(), run.id(), who);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName(report, run), "application/pdf", bytes.length);
                }),
                "PDF");
        pdf.addClassName("run-pdf");
        return pdf;
    }

    /** The stored report in a sandboxed frame: its own styles, no scripts, no access to this page. */
    private void open(Report report, ReportRun run) {
        Dialog dialog = new Dialog();
        dialog.addClassName("report-run-dialog");
        dialog.setHeaderTitle(report.name() + " · " + format(run.periodEnd(), report.zone()));
        IFrame frame = new IFrame();
        frame.addClassName("report-frame");
        frame.setSandbox(IFrame.SandboxType.ALLOW_POPUPS, IFrame.SandboxType.ALLOW_POPUPS_TO_ESCAPE_SANDBOX);
        // links open in a new tab: inside the sandbox they could not load Outpost's own pages
        frame.setSrcdoc(
                reports.html(report.id(), run.id(), caller).replaceFirst("<head>", "<head><base target=\"_blank\" />"));
        frame.getElement().setAttribute("title", getTranslation("reports.frameTitle", report.name()));
        frame.setWidthFull();
        frame.setHeight("70vh");
        frame.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("background", "white")
                .set("box-sizing", "border-box");
        dialog.add(frame);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(pdfLink(report, run), close);
        dialog.setWidth("min(900px, 96vw)");
        dialog.open();
    }

    private static String fileName(Report report, ReportRun run) {
        String slug = report.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "report" : slug) + "-"
                + run.periodEnd().atZone(report.zone()).toLocalDate() + ".pdf";
    }

    private void refresh() {
        ListGrid.show(grid, empty, reports.list(caller));
    }

    private static String format(Instant instant, ZoneId zone) {
        return LocalFormat.dateTime(instant, zone, Texts.locale());
    }

    /** "day" / "день"; a period the bundles do not know as its key. */
    private static String periodName(String key) {
        String name = Texts.get("reports.period." + key);
        return name.startsWith("!") ? key : name;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.reports"));
    }
}
