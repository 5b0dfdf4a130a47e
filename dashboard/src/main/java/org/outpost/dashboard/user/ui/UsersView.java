package org.outpost.dashboard.user.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.outpost.dashboard.audit.JdbcAuditLog;
import org.outpost.dashboard.audit.ui.AuditPanel;
import org.outpost.dashboard.profile.Profile;
import org.outpost.dashboard.profile.ProfileService;
import org.outpost.dashboard.profile.ui.ProfileDialog;
import org.outpost.dashboard.ui.ListGrid;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserService;

/** Admins manage accounts (add one, change its role, disable, enable or delete it, reset its password, lift a sign-in lock) and read the audit log. */
@Route("admin/users")
@Menu(order = 11, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final ProfileService profiles;
    private final String currentUser;
    final Grid<UserAccount> grid = new Grid<>();
    final AuditPanel audit;
    private Set<String> locked = Set.of();

    UsersView(UserService users, ProfileService profiles, JdbcAuditLog auditLog, AuthenticationContext auth) {
        this.users = users;
        this.profiles = profiles;
        this.currentUser = auth.getPrincipalName().orElse("");
        this.audit = new AuditPanel(auditLog);
        addClassName("users-view");
        configureGrid();
        H3 auditTitle = new H3(getTranslation("users.tab.audit"));
        auditTitle.addClassName("audit-title");
        add(header(), new Paragraph(getTranslation("users.roles")), grid, auditTitle, audit);
        refresh();
    }

    private Component header() {
        Button add = ListHeader.addButton(
                Texts.get("users.add"),
                e -> new AddUserDialog(users, created -> {
                            refresh();
                            Notification.show(
                                    Texts.get("users.created", created.username(), RoleBadge.label(created.role())));
                        })
                        .open());
        add.addClassName("add-user");
        return new ListHeader(Texts.get("nav.users"), add);
    }

    private void configureGrid() {
        ListGrid.setUp(grid, "users-grid");
        grid.addColumn(UserAccount::username)
                .setHeader(getTranslation("log.user"))
                .setFlexGrow(2)
                .setSortable(true);
        grid.addComponentColumn(u -> RoleBadge.of(u.role()))
                .setHeader(getTranslation("users.role"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(u -> u.language() == null
                        ? getTranslation("users.language.browser")
                        : LanguageNames.of(u.language(), getLocale()))
                .setHeader(getTranslation("users.language"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(u -> email(u.username()))
                .setHeader(getTranslation("users.email"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addComponentColumn(UsersView::enabledBadge)
                .setHeader(getTranslation("log.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        ListGrid.addActions(grid, this::actions);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    }

    private static Component enabledBadge(UserAccount user) {
        Span badge = new Span(Texts.get(user.enabled() ? "users.enabled" : "users.disabled"));
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge contrast");
        return badge;
    }

    private Component actions(UserAccount user) {
        Button role = new Button(
                getTranslation("users.changeRole"), e -> new ChangeRoleDialog(users, user, this::refresh).open());
        Button toggle = new Button(
                getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                e -> setEnabled(user, !user.enabled()));
        Button reset = new Button(getTranslation("users.reset"), e -> new ResetPasswordDialog(users, user).open());
        Button delete = new Button(getTranslation("users.delete"), e -> confirmDelete(user));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setEnabled(!user.username().equals(currentUser));
        Button profile = new Button(
                getTranslation("users.profile"),
                e -> new ProfileDialog(profiles, user.username(), currentUser, this::refresh).open());
        profile.addClassName("edit-profile");
        Button unlock = new Button(getTranslation("users.unlock"), e -> unlock(user));
        unlock.addClassName("unlock-user");
        // only while failed sign-ins keep the account locked
        unlock.setVisible(locked.contains(user.username()));
        for (Button button : new Button[] {role, profile, toggle, reset, delete, unlock}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        // you cannot disable yourself; the service would say so, but a button that always fails is noise
        toggle.setEnabled(!(user.enabled() && user.username().equals(currentUser)));
        HorizontalLayout cell = new HorizontalLayout(role, profile, toggle, reset, unlock, delete);
        cell.setSpacing(false);
        cell.addClassName("user-actions");
        return cell;
    }

    private void setEnabled(UserAccount user, boolean enabled) {
        try {
            users.setEnabled(user.username(), enabled, currentUser);
            Notification.show(getTranslation(enabled ? "users.enabledNote" : "users.disabledNote", user.username()));
            refresh();
        } catch (IllegalArgumentException e) {
            showError(Refusals.reason(e));
        }
    }

    private void confirmDelete(UserAccount user) {
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("users.delete.title", user.username()),
                getTranslation("users.delete.text"),
                getTranslation("action.delete"),
                e -> delete(user));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void delete(UserAccount user) {
        try {
            users.delete(user.username(), currentUser);
            Notification.show(getTranslation("users.deletedNote", user.username()));
            refresh();
        } catch (IllegalArgumentException e) {
            showError(Refusals.reason(e));
        }
    }

    void unlock(UserAccount user) {
        users.unlock(user.username(), currentUser);
        Notification.show(getTranslation("users.unlockedNote", user.username()));
        refresh();
    }

    static void showError(String message) {
        Notification note = Notification.show(message, 8000, Notification.Position.MIDDLE);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The profile's address, marked while it waits for its confirmation. */
    private String email(String username) {
        return profiles.find(username)
                .filter(p -> p.email() != null)
                .map(p -> p.emailState() == Profile.EmailState.CONFIRMED
                        ? String.valueOf(p.email())
                        : getTranslation("users.email.waiting", p.email()))
                .orElse("");
    }

    void refresh() {
        locked = users.locked();
        grid.setItems(users.list());
        audit.refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.users"));
    }
}
