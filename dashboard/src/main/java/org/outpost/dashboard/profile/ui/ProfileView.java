package org.outpost.dashboard.profile.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.outpost.dashboard.profile.ProfileService;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Everyone's own profile: the address Outpost may mail (confirmed by a link), time zone, interface
 * language and default quiet hours. Reached from the header's user menu, not the navigation: it is
 * about the account, not the news.
 */
@Route("profile")
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    final ProfileForm form;
    final Button save = new Button(Texts.get("action.save"));

    ProfileView(ProfileService profiles, AuthenticationContext auth) {
        String user = auth.getPrincipalName().orElse("");
        addClassName("profile-view");
        setMaxWidth("48em");
        form = new ProfileForm(profiles, user, user);
        save.addClassName("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new ListHeader(Texts.get("nav.profile")), new Paragraph(Texts.get("profile.intro")), form, save);
        // a reader who has not chosen a zone is offered the browser's, still to be saved
        addAttachListener(e -> ReaderZone.follow(e.getUI(), form::proposeZone));
    }

    void save() {
        String before = form.profile().language();
        if (!form.save()) {
            return;
        }
        if (form.languageChanged(before)) {
            // every text on the page is drawn again in the new language, as the header's switcher does
            getUI().ifPresent(ui -> ui.getPage().reload());
        } else {
            Notification.show(Texts.get("profile.saved"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.profile"));
    }
}
