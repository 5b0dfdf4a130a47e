package org.outpost.dashboard.ui.i18n;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import java.util.Locale;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The header's EN / RU selector. Choosing stores the language with the account and reloads the
 * page, so every text, date and number on it is drawn again in the new language (views keep their
 * state in the address, so the reader stays where they were).
 */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class LanguageSwitcher extends Composite<Select<Locale>> {

    LanguageSwitcher(ReaderLanguage readerLanguage) {
        Select<Locale> select = getContent();
        select.addClassName("language-switcher");
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setItems(UserLanguages.SUPPORTED);
        // the codes are the same in every language, as on most sites' switchers
        select.setItemLabelGenerator(l -> l.getLanguage().toUpperCase(Locale.ROOT));
        select.setWidth("5.5em");
        addAttachListener(e -> {
            select.setValue(
                    UserLanguages.supported(e.getUI().getLocale().getLanguage()).orElse(UserLanguages.ENGLISH));
            select.setAriaLabel(getTranslation("header.language"));
            select.setTooltipText(getTranslation("header.language"));
        });
        select.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getOldValue() == null || e.getValue().equals(e.getOldValue())) {
                return; // the value shown on attach, not a choice
            }
            getUI().ifPresent(ui -> {
                readerLanguage.choose(ui, e.getValue());
                ui.getPage().reload();
            });
        });
    }

    /** The selector itself, for tests. */
    Select<Locale> select() {
        return getContent();
    }
}
