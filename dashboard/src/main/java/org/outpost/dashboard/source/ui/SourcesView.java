package org.outpost.dashboard.source.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.run.CrawlError;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.dashboard.ui.MainLayout;

/** What Outpost crawls: each source's health, last and next run, recent errors; add, edit, run now. */
@Route(value = "sources", layout = MainLayout.class)
@PageTitle("Sources | Outpost")
@Menu(order = 5, icon = "vaadin:rss", title = "Sources")
@PermitAll
class SourcesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final SourceService sources;
    private final boolean canEdit;
    private final boolean admin;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Grid<SourceStatus> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final Paragraph empty = new Paragraph("No sources yet. Add the feeds, sitemaps or listing pages you follow;"
            + " Outpost crawls each on its schedule.");

    SourcesView(SourceService sources, AuthenticationContext auth) {
        this.sources = sources;
        this.admin = auth.hasRole("ADMIN");
        this.canEdit = admin || auth.hasRole("ANALYST");
        addClassName("sources-view");
        setSizeFull();
        configureGrid();
        details.addClassName("source-details");
        details.setPadding(false);
        add(header(), empty, grid, details);
        refresh();
    }

    private Component header() {
        H2 title = new H2("Sources");
        Button add = new Button("Add source", VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(title, reload, add);
        bar.setWidthFull();
        bar.setAlignItems(Alignment.BASELINE);
        bar.expand(title);
        return bar;
    }

    private void configureGrid() {
        grid.addClassName("sources-grid");
        grid.addComponentColumn(this::nameCell).setHeader("Source").setFlexGrow(3).setAutoWidth(false);
        grid.addComponentColumn(SourcesView::healthBadge).setHeader("Health").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> describeRun(s.lastRun())).setHeader("Last run").setFlexGrow(2);
        grid.addColumn(s -> s.nextRun() == null ? "—" : format(s.nextRun())).setHeader("Next run").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
        grid.setAllRowsVisible(true);
    }

    private Component nameCell(SourceStatus status) {
        Span name = new Span(status.source().name());
        name.addClassName("source-name");
        Span meta = new Span(SourceForm.label(status.source().type()) + " · " + status.source().schedule().expression()
                + " · " + status.source().url());
        meta.addClassName("source-meta");
        Div cell = new Div(name, meta);
        cell.addClassName("source-cell");
        return cell;
    }

    private static Component healthBadge(SourceStatus status) {
        Span badge = new Span(status.health().name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add("badge " + switch (status.health()) {
            case OK -> "success";
            case FAILING -> "error";
            case WARNING -> "warning";
            case RUNNING, NEW -> "";
            case DISABLED -> "contrast";
        });
        return badge;
    }

    private Component actions(SourceStatus status) {
        Button run = new Button("Run now", e -> {
            sources.runNow(status.source().id());
            Notification.show("Crawling " + status.source().name() + " — refresh to follow the run");
        });
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button edit = new Button("Edit", e -> edit(status));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        run.setVisible(canEdit);
        edit.setVisible(canEdit);
        return new HorizontalLayout(run, edit);
    }

    private void edit(@Nullable SourceStatus status) {
        SourceService.Editor editor = new SourceService.Editor(currentUser(), admin);
        new SourceForm(status == null ? null : status.source(), admin, definition -> {
            if (status == null) {
                sources.create(definition, editor);
            } else {
                sources.update(status.source().id(), definition, editor);
            }
            refresh();
        }).open();
    }

    private void showDetails(@Nullable SourceStatus status) {
        details.removeAll();
        if (status == null) {
            return;
        }
        details.add(new H3(status.source().name() + ": recent runs"));
        List<CrawlRun> runs = sources.runs(status.source().id(), 10);
        if (runs.isEmpty()) {
            details.add(new Paragraph("Not crawled yet." + (canEdit ? " Use Run now to crawl it." : "")));
            return;
        }
        Grid<CrawlRun> runGrid = new Grid<>();
        runGrid.addColumn(r -> format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runGrid.addColumn(r -> r.status().name().toLowerCase(Locale.ROOT)).setHeader("Status").setAutoWidth(true);
        runGrid.addColumn(CrawlRun::pagesFetched).setHeader("Pages");
        runGrid.addColumn(CrawlRun::articlesNew).setHeader("New");
        runGrid.addColumn(CrawlRun::articlesUpdated).setHeader("Updated");
        runGrid.addColumn(CrawlRun::articlesDuplicate).setHeader("Copies");
        runGrid.addColumn(CrawlRun::errors).setHeader("Errors");
        runGrid.addColumn(r -> r.message() == null ? "" : r.message()).setHeader("Note").setFlexGrow(3);
        runGrid.setItems(runs);
        runGrid.setAllRowsVisible(true);
        details.add(runGrid);
        List<CrawlError> errors = sources.recentErrors(status.source().id(), 20);
        if (!errors.isEmpty()) {
            details.add(new H3("Recent errors"));
            Grid<CrawlError> errorGrid = new Grid<>();
            errorGrid.addColumn(e -> format(e.at())).setHeader("When").setAutoWidth(true);
            errorGrid.addColumn(CrawlError::kind).setHeader("Kind").setAutoWidth(true);
            errorGrid.addColumn(e -> e.url() == null ? "" : e.url()).setHeader("Address").setFlexGrow(2);
            errorGrid.addColumn(CrawlError::reason).setHeader("Reason").setFlexGrow(3);
            errorGrid.setItems(errors);
            errorGrid.setAllRowsVisible(true);
            details.add(errorGrid);
        }
    }

    private void refresh() {
        List<SourceStatus> all = sources.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    private String describeRun(@Nullable CrawlRun run) {
        if (run == null) {
            return "never";
        }
        String when = format(run.startedAt());
        String status = run.status().name().toLowerCase(Locale.ROOT);
        Duration took = run.duration();
        return when + " · " + status + " · " + run.articlesNew() + " new, " + run.articlesDuplicate() + " copies, "
                + run.errors() + " errors" + (took == null ? "" : " · " + Math.max(1, took.toSeconds()) + " s");
    }

    private String format(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private String currentUser() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
