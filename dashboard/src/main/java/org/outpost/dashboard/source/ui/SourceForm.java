package org.outpost.dashboard.source.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.source.InvalidSourceException;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.crawler.source.SourceType;
import org.outpost.dashboard.ui.i18n.Texts;

/** The add/edit dialog of a source; a refused field is marked with the reason. */
class SourceForm extends Dialog {

    private final TextField name = new TextField(Texts.get("form.name"));
    private final Select<SourceType> type = new Select<>();
    private final TextField url = new TextField(Texts.get("sources.col.address"));
    private final TextField schedule = new TextField(Texts.get("reports.col.schedule"));
    private final ComboBox<String> timezone = new ComboBox<>(Texts.get("form.timeZone"));
    private final TextField language = new TextField(Texts.get("sources.form.language"));
    private final TextField include = new TextField(Texts.get("sources.form.include"));
    private final TextField exclude = new TextField(Texts.get("sources.form.exclude"));
    private final Checkbox enabled = new Checkbox(Texts.get("sources.form.enabled"));
    private final Checkbox allowPrivate = new Checkbox(Texts.get("sources.form.private"));
    private final Paragraph error = new Paragraph();

    /** @param save stores the definition; throws InvalidSourceException to keep the dialog open */
    SourceForm(@Nullable Source source, boolean admin, Consumer<SourceDefinition> save) {
        setHeaderTitle(
                source == null ? getTranslation("sources.form.add") : getTranslation("form.editTitle", source.name()));
        type.setLabel(getTranslation("sources.form.type"));
        type.setItems(Arrays.stream(SourceType.values())
                .filter(t -> admin || t != SourceType.FOLDER)
                .toList());
        type.setItemLabelGenerator(SourceForm::label);
        url.setHelperText(getTranslation("sources.form.url.help"));
        schedule.setHelperText(getTranslation("sources.form.schedule.help"));
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        language.setHelperText(getTranslation("sources.form.language.help"));
        include.setHelperText(getTranslation("sources.form.include.help"));
        allowPrivate.setVisible(admin);
        error.addClassName("form-error");
        fill(source);
        FormLayout form =
                new FormLayout(name, type, url, schedule, timezone, language, include, exclude, enabled, allowPrivate);
        form.setColspan(url, 2);
        add(form, error);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button ok = new Button(getTranslation(source == null ? "sources.add" : "action.save"), e -> submit(save));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
        setWidth("min(720px, 100vw)");
    }

    private void fill(@Nullable Source source) {
        if (source == null) {
            type.setValue(SourceType.RSS);
            schedule.setValue(SourceDefinition.DEFAULT_SCHEDULE);
            timezone.setValue("UTC");
            enabled.setValue(true);
            return;
        }
        name.setValue(source.name());
        type.setValue(source.type());
        url.setValue(source.url());
        schedule.setValue(source.schedule().expression());
        timezone.setValue(source.schedule().zone().getId());
        language.setValue(source.language() == null ? "" : source.language());
        include.setValue(source.includePattern() == null ? "" : source.includePattern());
        exclude.setValue(source.excludePattern() == null ? "" : source.excludePattern());
        enabled.setValue(source.enabled());
        allowPrivate.setValue(source.allowPrivate());
    }

    private void submit(Consumer<SourceDefinition> save) {
        for (var field : new com.vaadin.flow.component.HasValidation[] {
            name, type, url, schedule, timezone, language, include, exclude
        }) {
            field.setInvalid(false);
        }
        error.setText("");
        SourceDefinition definition = new SourceDefinition(
                name.getValue(),
                type.getValue() == null ? null : type.getValue().key(),
                url.getValue(),
                schedule.getValue(),
                timezone.getValue(),
                enabled.getValue(),
                language.getValue(),
                include.getValue(),
                exclude.getValue(),
                allowPrivate.getValue());
        try {
            save.accept(definition);
            close();
        } catch (InvalidSourceException e) {
            var field = switch (e.field()) {
                case "name" -> name;
                case "type" -> type;
                case "url" -> url;
                case "schedule" -> schedule;
                case "timezone" -> timezone;
                case "language" -> language;
                case "includePattern" -> include;
                case "excludePattern" -> exclude;
                default -> null;
            };
            String reason = e.message(getLocale());
            if (field != null) {
                field.setErrorMessage(reason);
                field.setInvalid(true);
            }
            // the field by its label on the form, not by its name in the API
            @Nullable
            String label = field instanceof HasLabel labelled
                    ? labelled.getLabel()
                    : e.field().equals("allowPrivate") ? allowPrivate.getLabel() : null;
            error.setText(label == null || label.isBlank() ? reason : label + ": " + reason);
        }
    }

    static String label(SourceType type) {
        return switch (type) {
            case RSS -> Texts.get("sources.type.rss");
            case ATOM -> Texts.get("sources.type.atom");
            case SITEMAP -> Texts.get("sources.type.sitemap");
            case HTML -> Texts.get("sources.type.html");
            case FOLDER -> Texts.get("sources.type.folder");
        };
    }
}
