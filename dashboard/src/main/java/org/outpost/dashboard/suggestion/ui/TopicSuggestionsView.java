package org.outpost.dashboard.suggestion.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.learn.ClauseEffect;
import org.outpost.core.topic.learn.ClauseSuggestion;
import org.outpost.core.topic.learn.ClauseSuggestions;
import org.outpost.core.topic.learn.TopicCounts;
import org.outpost.dashboard.suggestion.SuggestionService;
import org.outpost.dashboard.ui.Loading;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Admins see the clauses proposed for a topic from the articles analysts marked as missing it,
 * each with what it would do on the labelled passages, and copy the ones they want into the
 * topic file. Nothing is added from here. The computation takes seconds: it runs off the UI
 * thread behind a progress bar ({@link Loading}) and the result is pushed.
 */
@Route("admin/topics/suggestions")
@RolesAllowed("ADMIN")
class TopicSuggestionsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String TOPIC_PARAMETER = "topic";

    private final SuggestionService suggestions;
    final Select<String> topic = new Select<>();
    final Loading loading = new Loading(Texts.get("suggestions.loading"));
    final Paragraph summary = new Paragraph();
    final Paragraph empty = new Paragraph();
    final Grid<ClauseSuggestion> grid = new Grid<>();

    TopicSuggestionsView(SuggestionService suggestions) {
        this.suggestions = suggestions;
        addClassName("suggestions-view");
        configureTopics();
        configureGrid();
        summary.addClassName("suggestions-summary");
        empty.addClassName("suggestions-empty");
        empty.setVisible(false);
        grid.setVisible(false);
        add(
                new H2(getTranslation("suggestions.title")),
                new Paragraph(getTranslation("suggestions.intro")),
                howToAdd(),
                topic,
                loading.indicator(),
                summary,
                empty,
                grid);
    }

    private Paragraph howToAdd() {
        Paragraph how = new Paragraph(getTranslation("suggestions.howTo"));
        how.add(" ");
        how.add(new Anchor("admin/topics", getTranslation("suggestions.topicsPage")));
        how.add(".");
        how.addClassName("suggestions-how");
        return how;
    }

    private void configureTopics() {
        Locale locale = getLocale();
        Map<String, String> names = suggestions.topics().stream()
                .collect(Collectors.toMap(TopicDefinition::id, t -> t.displayName(locale), (a, b) -> a));
        topic.setLabel(getTranslation("suggestions.topic"));
        topic.setItems(suggestions.topics().stream().map(TopicDefinition::id).toList());
        topic.setItemLabelGenerator(id -> names.getOrDefault(id, id));
        topic.setWidth("20rem");
        topic.addClassName("suggestions-topic");
        topic.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.addComponentColumn(this::clause)
                .setHeader(getTranslation("suggestions.col.clause"))
                .setWidth("22rem")
                .setFlexGrow(0);
        grid.addColumn(c -> Texts.get(locale, "suggestions.inMissing", c.missingTexts(), c.missingTotal()))
                .setHeader(getTranslation("suggestions.col.missing"))
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(c -> Texts.get(
                        locale,
                        "suggestions.inBackground",
                        String.format(locale, "%.1f %%", 100 * c.backgroundRate()),
                        c.backgroundTexts(),
                        c.backgroundTotal()))
                .setHeader(getTranslation("suggestions.col.background"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addComponentColumn(c -> quality(c, locale))
                .setHeader(getTranslation("suggestions.col.quality"))
                .setWidth("13rem")
                .setFlexGrow(0);
        grid.addColumn(c -> labels(c, locale))
                .setHeader(getTranslation("suggestions.col.labels"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addClassName("suggestions-grid");
    }

    /** The line for the topic file, where it goes, and a button that copies it. */
    private Div clause(ClauseSuggestion candidate) {
        Code yaml = new Code(candidate.yaml());
        yaml.addClassName("suggestion-yaml");
        Span where = new Span(getTranslation("suggestions.under", candidate.placement()));
        where.addClassName("suggestion-placement");
        where.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        Div cell = new Div(yaml, where, copyButton(candidate));
        cell.addClassName("suggestion-clause");
        return cell;
    }

    private Button copyButton(ClauseSuggestion candidate) {
        Button copy = new Button(getTranslation("suggestions.copy"), VaadinIcon.COPY.create(), e -> {
            // the clipboard API needs a secure context (https or localhost); elsewhere the line
            // stays on screen to select by hand
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", candidate.yaml());
            e.getSource().setText(getTranslation("suggestions.copied"));
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClassName("copy-yaml");
        return copy;
    }

    /** Precision, recall and F1 of the topic before → after, one per line. */
    private static Div quality(ClauseSuggestion candidate, Locale locale) {
        Div cell = new Div();
        cell.addClassName("suggestion-quality");
        ClauseEffect effect = candidate.effect();
        if (effect != null) {
            cell.add(
                    line("suggestions.precision", TopicCounts::precision, effect, locale),
                    line("suggestions.recall", TopicCounts::recall, effect, locale),
                    line("suggestions.f1", TopicCounts::f1, effect, locale));
        }
        return cell;
    }

    private static Div line(String key, Function<TopicCounts, Double> measure, ClauseEffect effect, Locale locale) {
        Div line = new Div();
        line.setText(Texts.get(
                locale,
                key,
                String.format(locale, "%.2f", measure.apply(effect.before())),
                String.format(locale, "%.2f", measure.apply(effect.after()))));
        return line;
    }

    private static String labels(ClauseSuggestion candidate, Locale locale) {
        ClauseEffect effect = candidate.effect();
        if (effect == null) {
            return "";
        }
        return Texts.get(
                locale,
                "suggestions.labels",
                effect.gained(),
                effect.gainedRight(),
                effect.gained() - effect.gainedRight(),
                effect.lost(),
                effect.texts(),
                effect.missingFixed());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter(TOPIC_PARAMETER)
                .filter(id -> suggestions.topics().stream().anyMatch(t -> t.id().equals(id)))
                .ifPresent(topic::setValue);
    }

    private void load(String id) {
        UI ui = UI.getCurrent();
        grid.setVisible(false);
        empty.setVisible(false);
        summary.setText("");
        loading.load(ui, () -> suggestions.suggest(id), this::show, this::failed);
    }

    private void show(ClauseSuggestions result) {
        summary.setText(Texts.count("suggestions.summary", result.missing()));
        List<ClauseSuggestion> candidates = result.candidates();
        grid.setItems(candidates);
        grid.setVisible(!candidates.isEmpty());
        empty.setVisible(candidates.isEmpty());
        if (result.missing() == 0) {
            empty.setText(getTranslation("suggestions.noMissing", suggestions.minMissing()));
        } else if (candidates.isEmpty()) {
            empty.setText(getTranslation("suggestions.noCandidates", suggestions.minMissing()));
        }
    }

    private void failed(RuntimeException e) {
        Notification note = Notification.show(
                getTranslation("suggestions.failed", String.valueOf(e.getMessage())),
                8000,
                Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("suggestions.title"));
    }
}
