package org.outpost.dashboard.status.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.dashboard.elasticsearch.ClusterStatus;
import org.outpost.dashboard.status.SystemStatus;
import org.outpost.dashboard.status.SystemStatusService;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/** Is everything working? Cluster health, the index, the ingest queue and each source's last crawl on one page. */
@Route("admin/status")
@Menu(order = 12, icon = "vaadin:server", title = "System")
@RolesAllowed("ADMIN")
class SystemStatusView extends VerticalLayout implements HasDynamicTitle {

    private final SystemStatusService service;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Div cards = new Div();
    private final Span updated = new Span();
    final Grid<SourceStatus> sources = new Grid<>();

    SystemStatusView(SystemStatusService service) {
        this.service = service;
        addClassName("status-view");
        cards.addClassName("status-cards");
        updated.addClassName("status-updated");
        configureGrid();
        Button reload = new Button(getTranslation("reports.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        H2 title = new H2(getTranslation("nav.system"));
        HorizontalLayout bar = new HorizontalLayout(title, updated, reload);
        bar.setWidthFull();
        bar.setAlignItems(Alignment.BASELINE);
        bar.expand(title);
        add(bar, cards, new H3(getTranslation("system.sources")), sources);
        refresh();
    }

    private void configureGrid() {
        sources.addClassName("status-sources");
        sources.addColumn(s -> s.source().name())
                .setHeader(getTranslation("explore.source"))
                .setFlexGrow(3);
        sources.addComponentColumn(s -> badge(
                        s.health().name().toLowerCase(Locale.ROOT),
                        switch (s.health()) {
                            case OK -> "success";
                            case FAILING -> "error";
                            case WARNING -> "warning";
                            case RUNNING, NEW -> "";
                            case DISABLED -> "contrast";
                        }))
                .setHeader(getTranslation("sources.col.health"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sources.addColumn(s -> s.lastRun() == null
                        ? getTranslation("sources.never")
                        : format(s.lastRun().startedAt()))
                .setHeader(getTranslation("sources.col.last"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sources.addColumn(s -> lastStatus(s.lastRun()))
                .setHeader(getTranslation("system.result"))
                .setFlexGrow(2);
        sources.addColumn(s -> s.nextRun() == null ? "—" : format(s.nextRun()))
                .setHeader(getTranslation("reports.col.next"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sources.setAllRowsVisible(true);
    }

    private void refresh() {
        SystemStatus status = service.read();
        cards.removeAll();
        cards.add(clusterCard(status), indexCard(status), queueCard(status));
        sources.setItems(status.sources());
        updated.setText(getTranslation("system.asOf", format(status.at())));
    }

    private Component clusterCard(SystemStatus status) {
        ClusterStatus.Snapshot cluster = status.cluster();
        if (cluster == null) {
            return card(
                    "Elasticsearch",
                    "status-cluster down",
                    badge(Texts.get("system.cluster.down"), "error"),
                    line(Texts.get("system.cluster.error", status.clusterError())),
                    line(Texts.get("system.cluster.waiting")));
        }
        return card(
                "Elasticsearch",
                "status-cluster",
                badge(
                        cluster.status(),
                        switch (cluster.status()) {
                            case "green" -> "success";
                            case "yellow" -> "warning";
                            default -> "error";
                        }),
                line(Texts.get("system.cluster.name", cluster.clusterName()) + " · "
                        + Texts.count("system.nodes", cluster.nodes())),
                line(cluster.url() + (cluster.embedded() ? " " + Texts.get("system.cluster.embedded") : "")));
    }

    private Component indexCard(SystemStatus status) {
        ClusterStatus.Snapshot cluster = status.cluster();
        String behind = cluster != null && !cluster.indices().isEmpty()
                ? String.join(", ", cluster.indices())
                : status.indexName() == null ? "?" : status.indexName();
        Div card = card(Texts.get("system.index"), "status-index", line(status.indexAlias() + " → " + behind));
        if (cluster != null && cluster.sizeInBytes() != null) {
            card.add(line(Texts.get("system.index.size", number(cluster.documents()), bytes(cluster.sizeInBytes()))));
        }
        SystemStatus.Articles articles = status.articles();
        if (articles != null) {
            card.add(
                    big(Texts.count("explore.articles", articles.total())),
                    line(Texts.get("system.index.originals", number(articles.originals()), number(articles.copies()))));
        } else {
            card.add(line(Texts.get("system.index.noCounts", status.articlesError())));
        }
        return card;
    }

    private Component queueCard(SystemStatus status) {
        Long depth = status.queueDepth();
        return card(
                Texts.get("system.queue"),
                "status-queue",
                big(depth == null ? "?" : number(depth)),
                line(Texts.get(
                        depth == null
                                ? "system.queue.noDatabase"
                                : depth == 0 ? "system.queue.empty" : "system.queue.waiting")));
    }

    private static Div card(String title, String className, Component... content) {
        Span heading = new Span(title);
        heading.addClassName("status-card-title");
        Div card = new Div(heading);
        card.add(content);
        card.addClassName("status-card");
        for (String name : className.split(" ")) {
            card.addClassName(name);
        }
        return card;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme.isEmpty() ? "badge" : "badge " + theme);
        return badge;
    }

    private static Span line(String text) {
        Span line = new Span(text);
        line.addClassName("status-line");
        return line;
    }

    private static Span big(String text) {
        Span big = new Span(text);
        big.addClassName("status-figure");
        return big;
    }

    private static String lastStatus(@Nullable CrawlRun run) {
        if (run == null) {
            return "";
        }
        String text = Texts.get("run." + run.status().name().toLowerCase(Locale.ROOT)) + " · "
                + Texts.get("system.runCounts", run.articlesNew(), run.errors());
        return run.message() == null ? text : text + " · " + run.message();
    }

    private static String number(@Nullable Long value) {
        return value == null ? "?" : LocalFormat.number(value, Texts.locale());
    }

    private static String number(long value) {
        return LocalFormat.number(value, Texts.locale());
    }

    static String bytes(long value) {
        if (value < 1024) {
            return value + " " + Texts.get("unit.b");
        }
        String[] units = {"unit.kb", "unit.mb", "unit.gb", "unit.tb"};
        double size = value;
        int unit = -1;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return LocalFormat.decimal(size, Texts.locale()) + " " + Texts.get(units[unit]);
    }

    private String format(Instant instant) {
        return LocalFormat.shortDateTimeSeconds(instant, zone, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.system"));
    }
}
