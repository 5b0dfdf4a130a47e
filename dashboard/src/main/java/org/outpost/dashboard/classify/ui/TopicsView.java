package org.outpost.dashboard.classify.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.classify.RescoreService;
import org.outpost.dashboard.classify.RescoreStatus;
import org.outpost.dashboard.model.ModelSwitch;
import org.outpost.dashboard.model.ModelTraining;
import org.outpost.dashboard.model.TopicModels;
import org.outpost.dashboard.model.ui.QualitySection;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Admins see the topic definitions in use and re-score every article after editing the topic file; below, the
 * learned model's quality, training and switching ({@link QualitySection}).
 */
@Route("admin/topics")
@Menu(order = 10, icon = "vaadin:tags", title = "Topics")
@RolesAllowed("ADMIN")
class TopicsView extends VerticalLayout implements HasDynamicTitle {

    private final ClassifierService classifiers;
    private final RescoreService rescore;
    final Grid<TopicDefinition> grid = new Grid<>();
    final Button rescoreButton = new Button(Texts.get("topics.admin.rescore"));
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final QualitySection quality;

    TopicsView(
            ClassifierService classifiers,
            RescoreService rescore,
            TopicModels models,
            ModelTraining training,
            ModelSwitch switcher) {
        this.classifiers = classifiers;
        this.rescore = rescore;
        this.quality = new QualitySection(models, training, switcher, classifiers, this::refresh);
        addClassName("topics-view");
        configureGrid();
        rescoreButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rescoreButton.addClickListener(e -> startRescore());
        progressText.addClassName("rescore-status");
        add(
                new H2(getTranslation("nav.topics")),
                new Paragraph(getTranslation("topics.admin.intro")),
                // what analysts said about the labels, and the clauses it suggests, beside the definitions that give
                // them
                new Anchor("admin/feedback", getTranslation("topics.admin.feedback")),
                new Anchor("admin/topics/suggestions", getTranslation("topics.admin.suggestions")),
                rescoreButton,
                progress,
                progressText,
                grid,
                quality);
        refresh();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.addColumn(t -> t.displayName(locale))
                .setHeader(getTranslation("topics.admin.col.topic"))
                .setWidth("14em")
                .setFlexGrow(0);
        grid.addColumn(TopicDefinition::id)
                .setHeader(getTranslation("topics.admin.col.id"))
                .setWidth("13em")
                .setFlexGrow(0);
        grid.addColumn(t -> String.format(locale, "%.2f", t.threshold()))
                .setHeader(getTranslation("topics.admin.col.threshold"))
                .setWidth("7em")
                .setFlexGrow(0);
        grid.addColumn(this::clauses)
                .setHeader(getTranslation("topics.admin.col.clauses"))
                .setWidth("16em")
                .setFlexGrow(0);
        grid.addColumn(TopicDefinition::description)
                .setHeader(getTranslation("topics.admin.col.covers"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
    }

    /** "en 10 + 1 · ru 12 + 3 · tg 4": the clauses (and exclusions) of each language the topic reads. */
    private String clauses(TopicDefinition topic) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Language language : Language.values()) {
            TopicDefinition.Clauses clauses = topic.clauses(language);
            if (!clauses.terms().isEmpty()) {
                parts.add(language.code() + " " + clauses.terms().size()
                        + (clauses.exclude().isEmpty()
                                ? ""
                                : " + " + clauses.exclude().size()));
            }
        }
        return String.join(" · ", parts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.topics"));
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
        progressText.setText(describe(status, getLocale()));
        boolean training = quality.refresh();
        getUI().ifPresent(ui -> ui.setPollInterval(running || training ? 1000 : -1));
    }

    static String describe(RescoreStatus s, Locale locale) {
        return switch (s.state()) {
            case IDLE -> "";
            case RUNNING ->
                Texts.get(
                        locale,
                        "topics.admin.running",
                        LocalFormat.number(s.processed(), locale),
                        LocalFormat.number(s.total(), locale));
            case FINISHED ->
                Texts.get(locale, "topics.admin.finished", LocalFormat.number(s.processed(), locale))
                        + (s.failed() > 0 ? Texts.get(locale, "topics.admin.failedPart", s.failed()) : "")
                        + (s.conflicts() > 0 ? Texts.get(locale, "topics.admin.conflictsPart", s.conflicts()) : "");
            case FAILED -> Texts.get(locale, "topics.admin.stopped", s.processed(), String.valueOf(s.error()));
        };
    }
}
