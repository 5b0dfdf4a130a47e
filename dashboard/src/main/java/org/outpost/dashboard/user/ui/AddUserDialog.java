package org.outpost.dashboard.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.NewUser;
import org.outpost.dashboard.user.Role;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserService;

/** Creates an account; the service checks the input and its message is shown in the dialog. */
class AddUserDialog extends Dialog {

    final TextField username = new TextField(Texts.get("login.form.username"));
    final PasswordField password = new PasswordField(Texts.get("login.form.password"));
    final Select<Role> role = new Select<>();
    final Paragraph error = new Paragraph();

    AddUserDialog(UserService users, Consumer<UserAccount> created) {
        setHeaderTitle(getTranslation("users.add"));
        addClassName("add-user-dialog");
        username.setHelperText(getTranslation("users.username.help"));
        username.setRequired(true);
        password.setHelperText(getTranslation("users.password.help"));
        password.setRequired(true);
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(RoleBadge::label);
        // the least privilege an analyst needs to do the daily work
        role.setValue(Role.ANALYST);
        error.addClassName("dialog-error");
        error.setVisible(false);
        FormLayout form = new FormLayout(username, password, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        Button create = new Button(getTranslation("action.create"), e -> {
            try {
                created.accept(users.create(new NewUser(
                        username.getValue().strip(),
                        password.getValue(),
                        role.getValue() == null ? null : role.getValue().name())));
                close();
            } catch (IllegalArgumentException ex) {
                error.setText(Refusals.reason(ex));
                error.setVisible(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }
}
