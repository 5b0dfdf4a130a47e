package org.outpost.dashboard.model.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicCounts;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.model.ModelRecord;
import org.outpost.dashboard.model.ModelSwitch;
import org.outpost.dashboard.model.ModelTraining;
import org.outpost.dashboard.model.NotWorse;
import org.outpost.dashboard.model.SwitchOutcome;
import org.outpost.dashboard.model.SwitchRefused;
import org.outpost.dashboard.model.TopicModels;
import org.outpost.dashboard.model.TrainingStatus;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The Topics page's Quality section: the newest candidate beside the model in use and the rules
 * alone (precision, recall and F1 per topic, for one language or all), training with its progress,
 * switching the candidate on (refused with the reason when it is worse), rolling back, and the
 * models trained so far. The page polls while training runs and calls {@link #refresh()}.
 */
public class QualitySection extends VerticalLayout {

    private static final String ALL = "";

    private final TopicModels models;
    private final ModelTraining training;
    private final ModelSwitch switcher;
    private final ClassifierService classifiers;
    private final Runnable afterSwitch;

    final Span inUse = new Span();
    final Button trainButton = new Button(getTranslation("topics.quality.train"));
    final ProgressBar trainProgress = new ProgressBar();
    final Span trainStatus = new Span();
    final Paragraph empty = new Paragraph(getTranslation("topics.quality.empty"));
    final Select<String> language = new Select<>();
    final Span measuredOn = new Span();
    final Grid<QualityRow> comparison = new Grid<>();
    final Button switchButton = new Button(getTranslation("topics.quality.switch"));
    final Span switchReason = new Span();
    final Button rollbackButton = new Button(getTranslation("topics.quality.rollback"));
    final Grid<HistoryRow> history = new Grid<>();
    /** The first column of each group (rules, in use, candidate), whose joined header names it. */
    private final List<Grid.Column<QualityRow>> groups = new ArrayList<>();

    private final HeaderRow comparisonHeader;
    private @Nullable ModelRecord candidate;
    private TrainingStatus.State lastState = TrainingStatus.State.IDLE;

    /** @param afterSwitch what the page does after a switch or rollback (it shows the re-scoring that started) */
    public QualitySection(
            TopicModels models,
            ModelTraining training,
            ModelSwitch switcher,
            ClassifierService classifiers,
            Runnable afterSwitch) {
        this.models = models;
        this.training = training;
        this.switcher = switcher;
        this.classifiers = classifiers;
        this.afterSwitch = afterSwitch;
        addClassName("quality-section");
        setPadding(false);
        trainButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trainButton.addClickListener(e -> train());
        trainStatus.addClassName("training-status");
        switchButton.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        switchButton.addClickListener(e -> switchOn());
        rollbackButton.addClickListener(e -> rollBack());
        switchReason.addClassName("switch-reason");
        inUse.addClassName("model-in-use");
        measuredOn.addClassName("quality-measured-on");
        language.setLabel(getTranslation("topics.quality.language"));
        language.addValueChangeListener(e -> showComparison());
        comparisonHeader = configureComparison();
        configureHistory();
        HorizontalLayout actions = new HorizontalLayout(trainButton, switchButton, rollbackButton);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H3(getTranslation("topics.quality.title")),
                new Paragraph(getTranslation("topics.quality.intro")),
                inUse,
                actions,
                trainProgress,
                trainStatus,
                switchReason,
                empty,
                language,
                measuredOn,
                comparison,
                new H4(getTranslation("topics.quality.history")),
                history);
        refresh();
    }

    private HeaderRow configureComparison() {
        Locale locale = getLocale();
        comparison
                .addColumn(QualityRow::label)
                .setHeader(getTranslation("topics.quality.col.topic"))
                .setWidth("13em")
                .setFlexGrow(0);
        List<Function<QualityRow, @Nullable TopicCounts>> labellers =
                List.of(QualityRow::rules, QualityRow::inUse, QualityRow::candidate);
        List<List<Grid.Column<QualityRow>>> columns = new ArrayList<>();
        for (Function<QualityRow, @Nullable TopicCounts> labeller : labellers) {
            List<Grid.Column<QualityRow>> three = new ArrayList<>();
            three.add(figure(labeller, TopicCounts::precision, "topics.quality.col.precision", locale));
            three.add(figure(labeller, TopicCounts::recall, "topics.quality.col.recall", locale));
            three.add(figure(labeller, TopicCounts::f1, "topics.quality.col.f1", locale));
            columns.add(three);
        }
        HeaderRow top = comparison.prependHeaderRow();
        for (List<Grid.Column<QualityRow>> three : columns) {
            top.join(three.get(0), three.get(1), three.get(2));
            groups.add(three.get(0));
        }
        top.getCell(groups.get(0)).setText(getTranslation("topics.quality.col.rules"));
        comparison.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        comparison.setAllRowsVisible(true);
        comparison.setPartNameGenerator(row -> row.total() ? "quality-total" : null);
        comparison.addClassName("quality-comparison");
        return top;
    }

    private Grid.Column<QualityRow> figure(
            Function<QualityRow, @Nullable TopicCounts> labeller,
            java.util.function.ToDoubleFunction<TopicCounts> measure,
            String header,
            Locale locale) {
        return comparison
                .addColumn(row -> {
                    TopicCounts counts = labeller.apply(row);
                    return counts == null ? "—" : String.format(locale, "%.2f", measure.applyAsDouble(counts));
                })
                .setHeader(getTranslation(header))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("4.5em")
                .setFlexGrow(1);
    }

    private void configureHistory() {
        Locale locale = getLocale();
        ZoneId zone = UI.getCurrent() == null ? ReaderZone.FALLBACK : ReaderZone.of(UI.getCurrent());
        history.addColumn(HistoryRow::version)
                .setHeader(getTranslation("topics.quality.col.version"))
                .setWidth("9em")
                .setFlexGrow(0);
        history.addColumn(r -> LocalFormat.shortDateTime(r.trainedAt(), zone, locale))
                .setHeader(getTranslation("topics.quality.col.trainedAt"))
                .setWidth("11em")
                .setFlexGrow(0);
        history.addColumn(HistoryRow::trainedBy)
                .setHeader(getTranslation("topics.quality.col.trainedBy"))
                .setWidth("9em")
                .setFlexGrow(0);
        history.addColumn(r -> getTranslation("topics.quality.state." + r.state()))
                .setHeader(getTranslation("topics.quality.col.state"))
                .setWidth("9em")
                .setFlexGrow(0);
        history.addColumn(r -> Texts.get(
                        locale,
                        "topics.quality.texts",
                        LocalFormat.number(r.texts(), locale),
                        LocalFormat.number(r.feedback(), locale)))
                .setHeader(getTranslation("topics.quality.col.texts"))
                .setWidth("10em")
                .setFlexGrow(0);
        history.addColumn(r -> String.format(locale, "%.1f", r.blend()))
                .setHeader(getTranslation("topics.quality.col.blend"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6em")
                .setFlexGrow(0);
        history.addColumn(r -> r.heldOutF1() == null ? "—" : String.format(locale, "%.3f", r.heldOutF1()))
                .setHeader(getTranslation("topics.quality.col.heldOutF1"))
                .setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addClassName("model-history");
    }

    /** @return whether a training run is going (the page keeps polling) */
    public boolean refresh() {
        Locale locale = getLocale();
        TrainingStatus status = training.status();
        boolean running = status.state() == TrainingStatus.State.RUNNING;
        trainButton.setEnabled(!running);
        trainProgress.setVisible(running);
        trainProgress.setValue(Math.max(0, Math.min(1, status.progress())));
        trainStatus.setText(describe(status, locale));
        if (running || lastState == TrainingStatus.State.RUNNING || candidate == null) {
            showModels();
        }
        lastState = status.state();
        return running;
    }

    private void showModels() {
        Locale locale = getLocale();
        Optional<ModelRecord> active = models.active();
        TopicModel shipped = TopicModel.shipped();
        inUse.setText(Texts.get(
                locale,
                "topics.quality.inUse",
                active.map(m -> Texts.get(locale, "topics.quality.model", m.version(), m.trainedBy()))
                        .orElseGet(() -> Texts.get(locale, "topics.quality.shipped", shipped.version()))));
        rollbackButton.setEnabled(active.isPresent());
        candidate = models.candidate().orElse(null);
        boolean none = candidate == null;
        empty.setVisible(none);
        language.setVisible(!none);
        measuredOn.setVisible(!none);
        comparison.setVisible(!none);
        switchButton.setEnabled(false);
        switchReason.setText("");
        if (candidate != null) {
            ModelRecord shown = candidate;
            List<String> codes = new ArrayList<>();
            codes.add(ALL);
            codes.addAll(shown.quality().languageCodes());
            String chosen = language.getValue();
            language.setItems(codes);
            language.setItemLabelGenerator(code -> code.isEmpty()
                    ? getTranslation("topics.quality.allLanguages")
                    : Optional.ofNullable(Language.ofCode(code))
                            .map(l -> l.displayName(locale))
                            .orElse(code));
            language.setValue(chosen != null && codes.contains(chosen) ? chosen : ALL);
            comparisonHeader
                    .getCell(groups.get(1))
                    .setText(Texts.get(locale, "topics.quality.col.inUse", name(shown.baselineVersion())));
            comparisonHeader
                    .getCell(groups.get(2))
                    .setText(Texts.get(locale, "topics.quality.col.candidate", shown.version()));
            SwitchRefused refused = switcher.check(shown);
            switchButton.setEnabled(refused == null);
            switchReason.setText(refused == null ? "" : reason(refused, locale));
            showComparison();
        }
        history.setItems(historyRows(active.isPresent(), shipped));
    }

    private String name(String version) {
        return ModelRecord.SHIPPED.equals(version) ? getTranslation("topics.quality.state.SHIPPED") : version;
    }

    private void showComparison() {
        ModelRecord shown = candidate;
        if (shown == null) {
            return;
        }
        Locale locale = getLocale();
        String code = language.getValue() == null ? ALL : language.getValue();
        Map<String, String> names = new LinkedHashMap<>();
        for (TopicDefinition topic : classifiers.current().topicDefinitions().topics()) {
            names.put(topic.id(), topic.displayName(locale));
        }
        List<QualityRow> rows = new ArrayList<>();
        for (String topic : topicsOf(shown.quality())) {
            rows.add(new QualityRow(
                    names.getOrDefault(topic, topic),
                    false,
                    counts(shown.rules(), code, topic),
                    counts(shown.baseline(), code, topic),
                    counts(shown.quality(), code, topic)));
        }
        rows.add(new QualityRow(
                getTranslation("topics.quality.micro"),
                true,
                micro(shown.rules(), code),
                micro(shown.baseline(), code),
                micro(shown.quality(), code)));
        comparison.setItems(rows);
        QualityReport.LanguageQuality one =
                code.isEmpty() ? null : shown.quality().languages().get(code);
        measuredOn.setText(
                one == null
                        ? Texts.get(locale, "topics.quality.heldOut", LocalFormat.number(shown.heldOutTexts(), locale))
                        : Texts.get(
                                locale,
                                "topics.quality.heldOutLanguage",
                                LocalFormat.number(shown.heldOutTexts(), locale),
                                LocalFormat.number(one.texts(), locale)));
    }

    private static List<String> topicsOf(QualityReport report) {
        List<String> topics = new ArrayList<>();
        for (QualityReport.LanguageQuality quality : report.languages().values()) {
            quality.topics().keySet().stream().filter(t -> !topics.contains(t)).forEach(topics::add);
        }
        return topics;
    }

    private static TopicCounts counts(QualityReport report, String code, String topic) {
        if (code.isEmpty()) {
            return report.topic(topic);
        }
        QualityReport.LanguageQuality quality = report.languages().get(code);
        return quality == null ? TopicCounts.NONE : quality.topics().getOrDefault(topic, TopicCounts.NONE);
    }

    private static TopicCounts micro(QualityReport report, String code) {
        if (code.isEmpty()) {
            return report.micro();
        }
        QualityReport.LanguageQuality quality = report.languages().get(code);
        return quality == null ? TopicCounts.NONE : quality.micro();
    }

    private List<HistoryRow> historyRows(boolean trainedInUse, TopicModel shipped) {
        List<HistoryRow> rows = new ArrayList<>();
        for (ModelRecord m : models.list()) {
            rows.add(new HistoryRow(
                    m.version(),
                    m.trainedAt(),
                    ModelRecord.SCHEDULE.equals(m.trainedBy())
                            ? getTranslation("topics.quality.trainedBySchedule")
                            : m.trainedBy(),
                    m.state().name(),
                    m.summary().texts(),
                    m.feedbackTexts(),
                    m.summary().blend(),
                    m.quality().micro().f1()));
        }
        rows.add(new HistoryRow(
                shipped.version(),
                shipped.trainedAt(),
                getTranslation("topics.quality.state.SHIPPED"),
                trainedInUse ? "SHIPPED" : "ACTIVE",
                shipped.summary().texts(),
                shipped.summary().origins().getOrDefault("feedback", 0),
                shipped.blend(),
                null));
        return rows;
    }

    static String describe(TrainingStatus s, Locale locale) {
        String step = s.step() == null ? "" : Texts.get(locale, "topics.quality.step." + s.step());
        return switch (s.state()) {
            case IDLE -> "";
            case RUNNING -> Texts.get(locale, "topics.quality.training", step, Math.round(s.progress() * 100));
            case FINISHED -> Texts.get(locale, "topics.quality.trained", String.valueOf(s.candidate()));
            case FAILED -> Texts.get(locale, "topics.quality.trainFailed", String.valueOf(s.error()));
        };
    }

    static String reason(SwitchRefused refused, Locale locale) {
        NotWorse.Refusal worse = refused.worse();
        if (worse != null) {
            String candidate = String.format(locale, "%.3f", worse.candidateF1());
            String current = String.format(locale, "%.3f", worse.currentF1());
            String language = worse.language();
            return language == null
                    ? Texts.get(locale, "topics.quality.reason.WORSE.all", candidate, current)
                    : Texts.get(
                            locale,
                            "topics.quality.reason.WORSE.language",
                            Optional.ofNullable(Language.ofCode(language))
                                    .map(l -> l.displayName(locale))
                                    .orElse(language),
                            candidate,
                            current);
        }
        return Texts.get(locale, "topics.quality.reason." + refused.reason().name());
    }

    private void train() {
        try {
            training.start(Auditing.actor());
        } catch (IllegalStateException e) {
            error(e.getMessage());
        }
        lastState = TrainingStatus.State.RUNNING;
        afterSwitch.run();
    }

    private void switchOn() {
        ModelRecord shown = candidate;
        if (shown == null) {
            return;
        }
        try {
            SwitchOutcome outcome = switcher.activate(shown.version(), Auditing.actor());
            Notification.show(
                    Texts.get(
                            getLocale(),
                            outcome.rescoring() ? "topics.quality.switched" : "topics.quality.switchedNoRescore",
                            outcome.active()),
                    8000,
                    Notification.Position.BOTTOM_START);
        } catch (SwitchRefused e) {
            error(reason(e, getLocale()));
        } catch (java.util.NoSuchElementException e) {
            error(e.getMessage());
        }
        candidate = null;
        afterSwitch.run();
    }

    private void rollBack() {
        try {
            SwitchOutcome outcome = switcher.rollBack(Auditing.actor());
            String now = ModelRecord.SHIPPED.equals(outcome.active())
                    ? getTranslation("topics.quality.state.SHIPPED")
                    : outcome.active();
            Notification.show(
                    Texts.get(
                            getLocale(),
                            outcome.rescoring() ? "topics.quality.rolledBack" : "topics.quality.rolledBackNoRescore",
                            now),
                    8000,
                    Notification.Position.BOTTOM_START);
        } catch (SwitchRefused e) {
            error(reason(e, getLocale()));
        }
        candidate = null;
        afterSwitch.run();
    }

    private static void error(@Nullable String message) {
        Notification note = Notification.show(String.valueOf(message), 8000, Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
