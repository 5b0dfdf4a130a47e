package org.outpost.dashboard.token.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.token.ApiToken;
import org.outpost.dashboard.token.TokenScope;
import org.outpost.dashboard.token.TokenService;
import org.outpost.dashboard.ui.ListGrid;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * Everyone's own personal API tokens: create one (its secret shown once), see when each was last
 * used, revoke it. Admins see every user's tokens here, and may revoke any; nobody sees a secret.
 * Reached from the header's key button, not the navigation: it is about the account, not the news.
 */
@Route("tokens")
@PermitAll
class TokensView extends VerticalLayout implements HasDynamicTitle {

    private final TokenService tokens;
    private final String currentUser;
    private final boolean admin;
    final Grid<ApiToken> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    TokensView(TokenService tokens, AuthenticationContext auth) {
        this.tokens = tokens;
        this.currentUser = auth.getPrincipalName().orElse("");
        this.admin = auth.hasRole("ADMIN");
        addClassName("tokens-view");
        configureGrid();
        empty.setText(getTranslation("tokens.empty"));
        empty.addClassName("tokens-empty");
        add(header(), new Paragraph(getTranslation("tokens.intro")));
        if (admin) {
            add(new Paragraph(getTranslation("tokens.admin")));
        }
        add(empty, grid);
        refresh();
    }

    private Component header() {
        Button add = ListHeader.addButton(
                Texts.get("tokens.add"), e -> new CreateTokenDialog(tokens, currentUser, this::refresh).open());
        add.addClassName("add-token");
        return new ListHeader(Texts.get("nav.tokens"), add);
    }

    private void configureGrid() {
        ListGrid.setUp(grid, "tokens-grid");
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setFlexGrow(2);
        grid.addColumn(t -> "opt_" + t.id())
                .setHeader(getTranslation("tokens.id"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (admin) {
            grid.addColumn(ApiToken::owner)
                    .setHeader(getTranslation("tokens.owner"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addComponentColumn(TokensView::scopeBadge)
                .setHeader(getTranslation("tokens.scope"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> when(t.createdAt()))
                .setHeader(getTranslation("tokens.createdAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::expiry)
                .setHeader(getTranslation("tokens.expires"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("tokens.notUsed") : when(t.lastUsedAt()))
                .setHeader(getTranslation("tokens.lastUsed"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        ListGrid.addActions(grid, this::revokeButton);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    }

    static String scopeLabel(TokenScope scope) {
        return Texts.get(scope == TokenScope.READ ? "tokens.scope.read" : "tokens.scope.readWrite");
    }

    private static Component scopeBadge(ApiToken token) {
        Span badge = new Span(scopeLabel(token.scope()));
        badge.getElement().getThemeList().add(token.scope() == TokenScope.READ ? "badge" : "badge contrast");
        return badge;
    }

    private String expiry(ApiToken token) {
        if (token.expiresAt() == null) {
            return getTranslation("tokens.never");
        }
        return token.expired(Instant.now())
                ? getTranslation("tokens.expiredAt", when(token.expiresAt()))
                : when(token.expiresAt());
    }

    private Component revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.addClassName("revoke-token");
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("tokens.revokeOf", token.name()),
                getTranslation("tokens.revoke.what"),
                getTranslation("tokens.revoke"),
                e -> revoke(token));
        confirm.addClassName("revoke-token-dialog");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void revoke(ApiToken token) {
        tokens.revoke(token.id(), currentUser, admin);
        Notification.show(getTranslation("tokens.revoked", token.name()));
        refresh();
    }

    private String when(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = UI.getCurrent() == null ? ReaderZone.FALLBACK : ReaderZone.of(UI.getCurrent());
        return LocalFormat.shortDateTime(instant, zone, getLocale());
    }

    void refresh() {
        ListGrid.show(grid, empty, admin ? tokens.listAll() : tokens.list(currentUser));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.tokens"));
    }
}
