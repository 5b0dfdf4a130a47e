package org.outpost.dashboard.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.outpost.dashboard.user.Role;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserService;

/** Picks the one role of an account; refusals (the last admin) are shown in the dialog. */
class ChangeRoleDialog extends Dialog {

    ChangeRoleDialog(UserService users, UserAccount user, Runnable changed) {
        setHeaderTitle(getTranslation("users.roleOf", user.username()));
        addClassName("change-role-dialog");
        RadioButtonGroup<Role> role = new RadioButtonGroup<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(RoleBadge::label);
        role.setValue(user.role());
        Paragraph error = new Paragraph();
        error.addClassName("dialog-error");
        error.setVisible(false);
        add(role, error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                users.changeRole(user.username(), role.getValue());
                changed.run();
                close();
            } catch (IllegalArgumentException ex) {
                error.setText(Refusals.reason(ex));
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
