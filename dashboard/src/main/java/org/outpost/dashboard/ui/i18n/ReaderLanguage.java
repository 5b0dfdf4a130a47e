package org.outpost.dashboard.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.stereotype.Component;

/**
 * Gives every new page (a Vaadin UI: each load or reload of a tab) its reader's language: the one
 * the signed-in user chose, otherwise the browser's ({@code Accept-Language}: Russian for a
 * reader who prefers it, English otherwise). Read at each page load, so a choice made in
 * another tab or by the API counts at the next reload.
 */
@Component
class ReaderLanguage implements VaadinServiceInitListener {

    private final UserLanguages languages;
    private final AuthenticationContext authentication;

    ReaderLanguage(UserLanguages languages, AuthenticationContext authentication) {
        this.languages = languages;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(of(VaadinRequest.getCurrent())));
    }

    Locale of(@Nullable VaadinRequest request) {
        return authentication
                .getPrincipalName()
                .flatMap(languages::chosen)
                .orElseGet(() -> UserLanguages.fromBrowser(browser(request)));
    }

    /** Switches this reader's pages to the language and remembers it for their account. */
    void choose(UI ui, Locale language) {
        authentication.getPrincipalName().ifPresent(user -> languages.choose(user, language));
        ui.getSession().setLocale(language);
        ui.setLocale(language);
    }

    private static List<Locale> browser(@Nullable VaadinRequest request) {
        return request == null ? List.of() : Collections.list(request.getLocales());
    }
}
