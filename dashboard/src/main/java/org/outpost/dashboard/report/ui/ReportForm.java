package org.outpost.dashboard.report.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.report.InvalidReportException;
import org.outpost.alerts.report.Report;
import org.outpost.alerts.report.ReportDefinition;
import org.outpost.alerts.report.ReportPeriod;
import org.outpost.core.language.Language;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/** The add/edit dialog of a report; a refused field is marked with the reason. */
class ReportForm extends Dialog {

    private final TextField name = new TextField(Texts.get("form.name"));
    private final Select<ReportPeriod> period = new Select<>();
    private final TextField schedule = new TextField(Texts.get("reports.col.schedule"));
    private final ComboBox<String> timezone = new ComboBox<>(Texts.get("form.timeZone"));
    private final MultiSelectComboBox<String> topics = new MultiSelectComboBox<>(Texts.get("facet.topics"));
    private final TextField query = new TextField(Texts.get("form.query"));
    private final MultiSelectComboBox<String> sources = new MultiSelectComboBox<>(Texts.get("facet.sources"));
    final MultiSelectComboBox<String> languages = new MultiSelectComboBox<>(Texts.get("facet.languages"));
    private final TextField recipients = new TextField(Texts.get("reports.col.recipients"));
    private final Checkbox enabled = new Checkbox(Texts.get("reports.form.enabled"));
    private final Paragraph error = new Paragraph();
    private final Map<String, String> topicNames;

    /**
     * @param topicNames topic id to display name
     * @param knownSources source names to offer (others can be typed)
     * @param save stores the definition; throws InvalidReportException to keep the dialog open
     */
    ReportForm(
            @Nullable Report report,
            Map<String, String> topicNames,
            List<String> knownSources,
            Consumer<ReportDefinition> save) {
        this.topicNames = topicNames;
        setHeaderTitle(
                report == null ? getTranslation("reports.form.add") : getTranslation("form.editTitle", report.name()));
        addClassName("report-form");
        period.setLabel(getTranslation("overview.period"));
        period.setItems(ReportPeriod.values());
        period.setItemLabelGenerator(p -> getTranslation("reports.form.period." + p.key()));
        period.setHelperText(getTranslation("reports.form.period.help"));
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && isDefaultSchedule(schedule.getValue())) {
                schedule.setValue(e.getValue().defaultSchedule());
            }
        });
        schedule.setHelperText(getTranslation("reports.form.schedule.help"));
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timezone.setHelperText(getTranslation("reports.form.zone.help"));
        topics.setItems(topicNames.keySet());
        topics.setItemLabelGenerator(id -> TopicNames.of(id, topicNames.getOrDefault(id, id)));
        topics.setHelperText(getTranslation("reports.form.topics.help"));
        query.setHelperText(getTranslation("reports.form.query.help"));
        sources.setItems(knownSources);
        sources.setAllowCustomValue(true);
        sources.addCustomValueSetListener(e -> {
            Set<String> chosen = new LinkedHashSet<>(sources.getValue());
            chosen.add(e.getDetail().strip());
            List<String> items = new ArrayList<>(knownSources);
            items.addAll(chosen.stream().filter(s -> !knownSources.contains(s)).toList());
            sources.setItems(items);
            sources.setValue(chosen);
        });
        sources.setHelperText(getTranslation("reports.form.sources.help"));
        languages.setItems(Arrays.stream(Language.values()).map(Language::code).toList());
        languages.setItemLabelGenerator(code -> LanguageNames.of(code, getLocale()));
        languages.setPlaceholder(getTranslation("form.anyLanguage"));
        recipients.setHelperText(getTranslation("reports.form.recipients.help"));
        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        fill(report, knownSources);
        FormLayout form = new FormLayout(
                name, period, schedule, timezone, topics, sources, languages, query, recipients, enabled);
        form.setColspan(query, 2);
        form.setColspan(recipients, 2);
        add(form, error);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button ok = new Button(getTranslation(report == null ? "reports.add" : "action.save"), e -> submit(save));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClassName("save-report");
        getFooter().add(cancel, ok);
        setWidth("min(760px, 100vw)");
    }

    private void fill(@Nullable Report report, List<String> knownSources) {
        if (report == null) {
            period.setValue(ReportPeriod.DAY);
            schedule.setValue(ReportPeriod.DAY.defaultSchedule());
            timezone.setValue("UTC");
            enabled.setValue(true);
            return;
        }
        name.setValue(report.name());
        period.setValue(report.period());
        schedule.setValue(report.schedule());
        timezone.setValue(report.zone().getId());
        topics.setValue(new LinkedHashSet<>(
                report.topics().stream().filter(topicNames::containsKey).toList()));
        query.setValue(report.query() == null ? "" : report.query());
        List<String> items = new ArrayList<>(knownSources);
        report.sources().stream().filter(s -> !knownSources.contains(s)).forEach(items::add);
        sources.setItems(items);
        sources.setValue(new LinkedHashSet<>(report.sources()));
        languages.setValue(new LinkedHashSet<>(report.languages()));
        recipients.setValue(String.join(", ", report.recipients()));
        enabled.setValue(report.enabled());
    }

    private static boolean isDefaultSchedule(String value) {
        return value.isBlank()
                || Arrays.stream(ReportPeriod.values())
                        .anyMatch(p -> p.defaultSchedule().equals(value.strip()));
    }

    private void submit(Consumer<ReportDefinition> save) {
        for (HasValidation field :
                new HasValidation[] {name, period, schedule, timezone, topics, query, sources, languages, recipients}) {
            field.setInvalid(false);
        }
        error.setText("");
        ReportDefinition definition = new ReportDefinition(
                name.getValue(),
                period.getValue() == null ? null : period.getValue().key(),
                schedule.getValue(),
                timezone.getValue(),
                List.copyOf(topics.getValue()),
                query.getValue(),
                List.copyOf(sources.getValue()),
                Arrays.stream(recipients.getValue().split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList(),
                enabled.getValue(),
                List.copyOf(languages.getValue()));
        try {
            save.accept(definition);
            close();
        } catch (InvalidReportException e) {
            HasValidation field = switch (e.field()) {
                case "name" -> name;
                case "period" -> period;
                case "schedule" -> schedule;
                case "timezone" -> timezone;
                case "topics" -> topics;
                case "query" -> query;
                case "sources" -> sources;
                case "languages" -> languages;
                case "recipients" -> recipients;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(e.reason());
                field.setInvalid(true);
            }
            error.setText(e.getMessage());
        }
    }
}
