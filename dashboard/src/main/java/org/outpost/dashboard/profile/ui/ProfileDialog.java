package org.outpost.dashboard.profile.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import org.outpost.dashboard.profile.ProfileService;
import org.outpost.dashboard.ui.i18n.Texts;

/** An admin edits a user's profile from Users: the same fields as the user's own page. */
public class ProfileDialog extends Dialog {

    final ProfileForm form;

    /**
     * @param admin who edits, for the audit log
     * @param saved called after a save, to show the change in the list
     */
    public ProfileDialog(ProfileService profiles, String username, String admin, Runnable saved) {
        setHeaderTitle(Texts.get("profile.of", username));
        addClassName("profile-dialog");
        setWidth("40em");
        form = new ProfileForm(profiles, username, admin);
        add(form);
        Button save = new Button(Texts.get("action.save"), e -> {
            if (form.save()) {
                saved.run();
                close();
            }
        });
        save.addClassName("save-profile");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Texts.get("action.cancel"), e -> close()), save);
    }
}
