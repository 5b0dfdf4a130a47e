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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.dashboard.elasticsearch.ClusterStatus;
import org.outpost.dashboard.status.SystemStatus;
import org.outpost.dashboard.status.SystemStatusService;

/** Is everything working? Cluster health, the index, the ingest queue and each source's last crawl on one page. */
@Route("admin/status")
@PageTitle("System | Outpost")
@Menu(order = 12, icon = "vaadin:server", title = "System")
@RolesAllowed("ADMIN")
class SystemStatusView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);

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
        Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        H2 title = new H2("System");
        HorizontalLayout bar = new HorizontalLayout(title, updated, reload);
        bar.setWidthFull();
        bar.setAlignItems(Alignment.BASELINE);
        bar.expand(title);
        add(bar, cards, new H3("Sources: last crawl"), sources);
        refresh();
    }

    private void configureGrid() {
        sources.addClassName("status-sources");
        sources.addColumn(s -> s.source().name()).setHeader("Source").setFlexGrow(3);
        sources.addComponentColumn(s -> badge(s.health().name().toLowerCase(Locale.ROOT), switch (s.health()) {
            case OK -> "success";
            case FAILING -> "error";
            case WARNING -> "warning";
            case RUNNING, NEW -> "";
            case DISABLED -> "contrast";
        })).setHeader("Health").setAutoWidth(true).setFlexGrow(0);
        sources.addColumn(s -> s.lastRun() == null ? "never" : format(s.lastRun().startedAt()))
                .setHeader("Last run").setAutoWidth(true).setFlexGrow(0);
        sources.addColumn(s -> lastStatus(s.lastRun())).setHeader("Result").setFlexGrow(2);
        sources.addColumn(s -> s.nextRun() == null ? "—" : format(s.nextRun())).setHeader("Next run")
                .setAutoWidth(true).setFlexGrow(0);
        sources.setAllRowsVisible(true);
    }

    private void refresh() {
        SystemStatus status = service.read();
        cards.removeAll();
        cards.add(clusterCard(status), indexCard(status), queueCard(status));
        sources.setItems(status.sources());
        updated.setText("as of " + format(status.at()));
    }

    private Component clusterCard(SystemStatus status) {
        ClusterStatus.Snapshot cluster = status.cluster();
        if (cluster == null) {
            return card("Elasticsearch", "status-cluster down",
                    badge("not answering", "error"),
                    line("The cluster did not answer: " + status.clusterError()),
                    line("Search, the overview and indexing wait for it; crawled articles stay queued meanwhile."));
        }
        return card("Elasticsearch", "status-cluster",
                badge(cluster.status(), switch (cluster.status()) {
                    case "green" -> "success";
                    case "yellow" -> "warning";
                    default -> "error";
                }),
                line("Cluster " + cluster.clusterName() + " · " + cluster.nodes() + (cluster.nodes() == 1 ? " node" : " nodes")),
                line(cluster.url() + (cluster.embedded() ? " (started by Outpost)" : "")));
    }

    private Component indexCard(SystemStatus status) {
        ClusterStatus.Snapshot cluster = status.cluster();
        String behind = cluster != null && !cluster.indices().isEmpty() ? String.join(", ", cluster.indices())
                : status.indexName() == null ? "?" : status.indexName();
        Div card = card("Article index", "status-index", line(status.indexAlias() + " → " + behind));
        if (cluster != null && cluster.sizeInBytes() != null) {
            card.add(line(number(cluster.documents()) + " documents · " + bytes(cluster.sizeInBytes()) + " on disk"));
        }
        SystemStatus.Articles articles = status.articles();
        if (articles != null) {
            card.add(big(number(articles.total()) + " articles"),
                    line(number(articles.originals()) + " originals · " + number(articles.copies()) + " copies"));
        } else {
            card.add(line("Counts unavailable: " + status.articlesError()));
        }
        return card;
    }

    private Component queueCard(SystemStatus status) {
        Long depth = status.queueDepth();
        return card("Ingest queue", "status-queue",
                big(depth == null ? "?" : number(depth)),
                line(depth == null ? "The database did not answer."
                        : depth == 0 ? "Nothing waiting: every crawled article is indexed."
                        : "articles waiting for the index"));
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
        String text = run.status().name().toLowerCase(Locale.ROOT) + " · " + run.articlesNew() + " new, "
                + run.errors() + " errors";
        return run.message() == null ? text : text + " · " + run.message();
    }

    private static String number(@Nullable Long value) {
        return value == null ? "?" : String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double size = value;
        int unit = -1;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return String.format(Locale.ENGLISH, "%.1f %s", size, units[unit]);
    }

    private String format(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
