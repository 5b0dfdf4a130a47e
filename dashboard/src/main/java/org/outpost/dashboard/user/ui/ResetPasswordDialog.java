package org.outpost.dashboard.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserService;

/**
 * Asks first, then sets a generated password and shows it this once: only its hash is stored,
 * so closing the dialog is the last chance to copy it.
 */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(UserService users, UserAccount user) {
        setHeaderTitle(getTranslation("users.resetOf", user.username()));
        addClassName("reset-password-dialog");
        add(new Paragraph(getTranslation("users.reset.what")));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button reset = new Button(getTranslation("users.reset"));
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        reset.addClickListener(e -> {
            try {
                showPassword(users.resetPassword(user.username(), null));
            } catch (IllegalArgumentException ex) {
                UsersView.showError(Refusals.reason(ex));
            }
        });
        getFooter().add(cancel, reset);
    }

    private void showPassword(String password) {
        removeAll();
        getFooter().removeAll();
        TextField shown = new TextField(getTranslation("users.newPassword"));
        shown.setValue(password);
        shown.setReadOnly(true);
        shown.setWidthFull();
        shown.addClassName("new-password");
        Button copy = new Button(getTranslation("users.copy"), VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", password);
            e.getSource().setText(getTranslation("users.copied"));
        });
        Paragraph hint = new Paragraph(getTranslation("users.reset.once"));
        hint.addClassName("password-hint");
        add(shown, hint);
        Button done = new Button(getTranslation("users.done"), e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(copy, done);
    }
}
