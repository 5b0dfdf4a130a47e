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
import org.outpost.dashboard.user.NewUser;
import org.outpost.dashboard.user.Role;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserService;

/** Creates an account; the service checks the input and its message is shown in the dialog. */
class AddUserDialog extends Dialog {

    final TextField username = new TextField("User name");
    final PasswordField password = new PasswordField("Password");
    final Select<Role> role = new Select<>();
    final Paragraph error = new Paragraph();

    AddUserDialog(UserService users, Consumer<UserAccount> created) {
        setHeaderTitle("Add user");
        addClassName("add-user-dialog");
        username.setHelperText("3–50 characters: a-z, 0-9, '.', '_', '-'");
        username.setRequired(true);
        password.setHelperText("At least 12 characters");
        password.setRequired(true);
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(RoleBadge::label);
        // the least privilege an analyst needs to do the daily work
        role.setValue(Role.ANALYST);
        error.addClassName("dialog-error");
        error.setVisible(false);
        FormLayout form = new FormLayout(username, password, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        Button create = new Button("Create", e -> {
            try {
                created.accept(users.create(new NewUser(username.getValue().strip(), password.getValue(),
                        role.getValue() == null ? null : role.getValue().name())));
                close();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }
}
