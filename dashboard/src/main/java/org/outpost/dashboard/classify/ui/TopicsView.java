package org.outpost.dashboard.classify.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.classify.RescoreService;
import org.outpost.dashboard.classify.RescoreStatus;

/** Admins see the topic definitions in use and re-score every article after editing the topic file. */
@Route("admin/topics")
@PageTitle("Topics | Outpost")
@Menu(order = 10, icon = "vaadin:tags", title = "Topics")
@RolesAllowed("ADMIN")
class TopicsView extends VerticalLayout {

    private final ClassifierService classifiers;
    private final RescoreService rescore;
    final Grid<TopicDefinition> grid = new Grid<>();
    final Button rescoreButton = new Button("Reload topic file and re-score all articles");
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();

    TopicsView(ClassifierService classifiers, RescoreService rescore) {
        this.classifiers = classifiers;
        this.rescore = rescore;
        addClassName("topics-view");
        configureGrid();
        rescoreButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rescoreButton.addClickListener(e -> startRescore());
        progressText.addClassName("rescore-status");
        add(new H2("Topics"),
                new Paragraph("Every article is scored against these topics when it is indexed. After editing the "
                        + "topic file (OUTPOST_TOPICS_FILE), reload it here: all stored articles are re-scored in the "
                        + "background while search keeps working."),
                rescoreButton, progress, progressText, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(TopicDefinition::name).setHeader("Topic").setWidth("14em").setFlexGrow(0);
        grid.addColumn(TopicDefinition::id).setHeader("Id").setWidth("13em").setFlexGrow(0);
        grid.addColumn(t -> String.format(Locale.ROOT, "%.2f", t.threshold())).setHeader("Threshold")
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(t -> t.terms().size() + (t.exclude().isEmpty() ? "" : " + " + t.exclude().size() + " excluded"))
                .setHeader("Clauses").setWidth("9em").setFlexGrow(0);
        grid.addColumn(TopicDefinition::description).setHeader("Covers").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // while a run is going, the page asks for progress every second
        event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    private void startRescore() {
        try {
            rescore.start();
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification note = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void refresh() {
        grid.setItems(classifiers.current().topicDefinitions().topics());
        RescoreStatus status = rescore.status();
        boolean running = status.state() == RescoreStatus.State.RUNNING;
        rescoreButton.setEnabled(!running);
        progress.setVisible(status.state() != RescoreStatus.State.IDLE);
        progress.setValue(status.fraction());
        progressText.setText(describe(status));
        getUI().ifPresent(ui -> ui.setPollInterval(running ? 1000 : -1));
    }

    static String describe(RescoreStatus s) {
        return switch (s.state()) {
            case IDLE -> "";
            case RUNNING -> String.format(Locale.ROOT, "Re-scoring: %,d of %,d articles", s.processed(), s.total());
            case FINISHED -> String.format(Locale.ROOT, "Re-scored %,d articles%s%s.", s.processed(),
                    s.failed() > 0 ? ", " + s.failed() + " failed" : "",
                    s.conflicts() > 0 ? ", " + s.conflicts() + " changed meanwhile and kept their newer scores" : "");
            case FAILED -> "Re-scoring stopped after " + s.processed() + " articles: " + s.error()
                    + ". Check /actuator/health and try again.";
        };
    }
}
