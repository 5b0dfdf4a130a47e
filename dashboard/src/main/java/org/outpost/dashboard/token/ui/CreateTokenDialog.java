package org.outpost.dashboard.token.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.outpost.dashboard.token.CreatedToken;
import org.outpost.dashboard.token.NewToken;
import org.outpost.dashboard.token.TokenProperties;
import org.outpost.dashboard.token.TokenRefusedException;
import org.outpost.dashboard.token.TokenScope;
import org.outpost.dashboard.token.TokenService;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Asks for a name, a scope and a lifetime; a refusal is shown under its field. Once created, the
 * same dialog shows the token this once ({@link NewTokenPanel}).
 */
class CreateTokenDialog extends Dialog {

    /** "never" among the lifetimes, where a setting allows it. */
    static final int NEVER = 0;

    private static final int[] LIFETIMES = {7, 30, 90, 180, 365};

    final TextField name = new TextField();
    final RadioButtonGroup<TokenScope> scope = new RadioButtonGroup<>();
    final Select<Integer> lifetime = new Select<>();
    private final TokenService tokens;
    private final String owner;
    private final SerializableRunnable created;

    CreateTokenDialog(TokenService tokens, String owner, SerializableRunnable created) {
        this.tokens = tokens;
        this.owner = owner;
        this.created = created;
        setHeaderTitle(getTranslation("tokens.new"));
        addClassName("create-token-dialog");
        name.setLabel(getTranslation("tokens.name"));
        name.setHelperText(getTranslation("tokens.name.help"));
        name.setMaxLength(100);
        name.setWidthFull();
        scope.setLabel(getTranslation("tokens.scope"));
        scope.setItems(TokenScope.values());
        scope.setItemLabelGenerator(TokensView::scopeLabel);
        scope.setValue(TokenScope.READ);
        lifetime.setLabel(getTranslation("tokens.lifetime"));
        configureLifetimes(tokens.settings());
        FormLayout form = new FormLayout(name, scope, lifetime);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button create = new Button(getTranslation("action.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("create-token");
        getFooter().add(cancel, create);
    }

    private void configureLifetimes(TokenProperties settings) {
        long max = settings.maxLifetime().toDays();
        int standard = (int) Math.min(settings.defaultLifetime().toDays(), max);
        TreeSet<Integer> days = new TreeSet<>();
        for (int d : LIFETIMES) {
            if (d <= max) {
                days.add(d);
            }
        }
        days.add(standard);
        List<Integer> items = new ArrayList<>(days);
        if (settings.allowNoExpiry()) {
            items.add(NEVER);
        }
        lifetime.setItems(items);
        lifetime.setItemLabelGenerator(d -> d == NEVER ? Texts.get("tokens.never") : Texts.count("tokens.days", d));
        lifetime.setValue(standard);
    }

    private void create() {
        name.setInvalid(false);
        lifetime.setInvalid(false);
        Integer days = lifetime.getValue();
        boolean never = days != null && days == NEVER;
        try {
            CreatedToken token = tokens.create(
                    owner,
                    new NewToken(
                            name.getValue(),
                            scope.getValue() == null ? null : scope.getValue().value(),
                            never ? null : days,
                            never ? "never" : null));
            created.run();
            removeAll();
            getFooter().removeAll();
            setHeaderTitle(getTranslation("tokens.secret.title", token.token().name()));
            add(new NewTokenPanel(token.secret()));
            Button done = new Button(getTranslation("users.done"), e -> close());
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            done.addClassName("token-done");
            getFooter().add(done);
        } catch (TokenRefusedException e) {
            String reason = Texts.get(e.key(), e.arguments());
            if ("expiresInDays".equals(e.field()) || "expiresAt".equals(e.field())) {
                lifetime.setErrorMessage(reason);
                lifetime.setInvalid(true);
            } else {
                // the name, or the per-user limit: shown where the user types
                name.setErrorMessage(reason);
                name.setInvalid(true);
            }
        }
    }
}
