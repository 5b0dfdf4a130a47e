package org.outpost.dashboard.token.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The token just created, shown this once with a copy button: only its hash is stored, so
 * closing the dialog is the last chance to copy it.
 */
class NewTokenPanel extends Div {

    final TextField secret = new TextField();

    NewTokenPanel(String token) {
        addClassName("new-token");
        secret.setLabel(getTranslation("tokens.secret"));
        secret.setValue(token);
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("token-secret");
        Button copy = new Button(getTranslation("users.copy"), VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", token);
            e.getSource().setText(getTranslation("users.copied"));
        });
        copy.addClassName("copy-token");
        Paragraph warning = new Paragraph(getTranslation("tokens.secret.once"));
        warning.addClassName("token-warning");
        Paragraph usage = new Paragraph(getTranslation("tokens.secret.usage"));
        add(secret, copy, warning, usage);
    }
}
