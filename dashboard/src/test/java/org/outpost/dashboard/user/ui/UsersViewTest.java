package org.outpost.dashboard.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserLanguages;

class UsersViewTest extends ViewTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final Locale RU = UserLanguages.RUSSIAN;

    @Test
    void users_theSignedInAdmin_cannotDisableTheirOwnAccountButOthersCan() {
        UsersView view = navigate(UsersView.class);
        GridTester<?, UserAccount> grid = test(view.grid);

        int admin = row(grid, "admin");
        assertThat(grid.getRow(admin).enabled()).isTrue();
        assertThat(button(grid, admin, "Disable").isEnabled()).isFalse();

        String other = addUser(view, "viewtest-" + System.nanoTime(), "a password long enough");
        assertThat(button(grid, row(grid, other), "Disable").isEnabled()).isTrue();
    }

    @Test
    void addUser_withAShortPassword_showsTheReasonAndKeepsTheDialogOpen() {
        navigate(UsersView.class);
        test($(Button.class).withText("Add user").single()).click();
        AddUserDialog dialog = $(AddUserDialog.class).single();

        test(dialog.username).setValue("viewtest-short");
        test(dialog.password).setValue("short");
        test($(Button.class, dialog).withText("Create").single()).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("12");
    }

    @Test
    void addUser_forARussianReader_givesEachRefusalInRussian() {
        readIn(RU);
        navigate(UsersView.class);
        test($(Button.class).withText(Texts.get(RU, "users.add")).single()).click();
        AddUserDialog dialog = $(AddUserDialog.class).single();
        Button create =
                $(Button.class, dialog).withText(Texts.get(RU, "action.create")).single();

        test(dialog.username).setValue("viewtest-ru-" + System.nanoTime());
        test(dialog.password).setValue("short");
        test(create).click();
        assertThat(dialog.error.getText()).isEqualTo("Пароль должен быть не короче 12 символов");

        test(dialog.username).setValue("Иван");
        test(create).click();
        assertThat(dialog.error.getText())
                .isEqualTo("Имя пользователя — от 3 до 50 символов: a-z, 0-9, «.», «_» и «-»; указано «Иван»");

        test(dialog.username).setValue("admin");
        test(dialog.password).setValue("a password long enough");
        test(create).click();
        assertThat(dialog.error.getText()).isEqualTo("Пользователь «admin» уже существует");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void users_aLockedAccountIsUnlockedAndADeletedOneLeavesTheGridAndShowsInTheAuditTab() {
        UsersView view = navigate(UsersView.class);
        String other = addUser(view, "viewdel-" + System.nanoTime(), "a password long enough");
        assertThat(button(test(view.grid), row(test(view.grid), other), "Unlock")
                        .isVisible())
                .isFalse();
        // locked as five failed sign-ins would have left it
        jdbc.update(
                "insert into sign_in_throttle (subject, failures, first_failure_at, locked_until) values (?, 5, ?, ?)",
                "user:" + other,
                java.sql.Timestamp.from(java.time.Instant.now()),
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(900)));
        view.refresh();
        Button unlock = button(test(view.grid), row(test(view.grid), other), "Unlock");
        assertThat(unlock.isVisible()).isTrue();
        test(unlock).click();
        assertThat(button(test(view.grid), row(test(view.grid), other), "Unlock")
                        .isVisible())
                .isFalse();

        test(button(test(view.grid), row(test(view.grid), other), "Delete")).click();
        test($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).single())
                .confirm();
        GridTester<?, UserAccount> grid = test(view.grid);
        assertThat(java.util.stream.IntStream.range(0, grid.size())
                        .mapToObj(i -> grid.getRow(i).username()))
                .doesNotContain(other);
        // yourself: no button that can only fail
        assertThat(button(grid, row(grid, "admin"), "Delete").isEnabled()).isFalse();

        test($(TextField.class, view.audit).withCaption("User").single()).setValue(other);
        @SuppressWarnings("unchecked")
        GridTester<?, org.outpost.dashboard.audit.AuditEntry> audit =
                test($(com.vaadin.flow.component.grid.Grid.class, view.audit).single());
        assertThat(java.util.stream.IntStream.range(0, audit.size())
                        .mapToObj(i -> audit.getRow(i).type()))
                .contains("USER_CREATED", "ACCOUNT_UNLOCKED", "USER_DELETED");
        assertThat(audit.getCellText(0, 2)).isEqualTo("User deleted");
    }

    @Test
    void profile_anAdminSetsAUsersAddressAndQuietHours_andTheListShowsItWaiting() {
        UsersView view = navigate(UsersView.class);
        String other = addUser(view, "viewtest-profile-" + System.nanoTime(), "a password long enough");
        String address = other + "@ngo.example";
        test(button(test(view.grid), row(test(view.grid), other), "Profile")).click();
        org.outpost.dashboard.profile.ui.ProfileDialog dialog =
                $(org.outpost.dashboard.profile.ui.ProfileDialog.class).single();
        Button save = $(Button.class, dialog).withText("Save").single();

        test($(TextField.class, dialog).withCaption("Email address").single()).setValue("not an address");
        test(save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, dialog)
                        .withClassName("form-error")
                        .single()
                        .getText())
                .contains("name@example.org");

        test($(TextField.class, dialog).withCaption("Email address").single()).setValue(address);
        test($(com.vaadin.flow.component.combobox.ComboBox.class, dialog)
                        .withCaption("Time zone")
                        .single())
                .selectItem("Europe/Berlin");
        test($(com.vaadin.flow.component.checkbox.Checkbox.class, dialog)
                        .withCaption(Texts.get("profile.quiet.on"))
                        .single())
                .click();
        test(save).click();

        assertThat(dialog.isOpened()).isFalse();
        org.outpost.dashboard.profile.Profile stored = profiles.get(other);
        assertThat(stored.email()).isEqualTo(address);
        assertThat(stored.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(stored.quietHours())
                .isEqualTo(new org.outpost.dashboard.profile.QuietWindow(
                        java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0), false));
        GridTester<?, UserAccount> grid = test(view.grid);
        assertThat(grid.getCellText(row(grid, other), 3)).isEqualTo(address + " (not confirmed yet)");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.outpost.dashboard.profile.ProfileService profiles;

    private String addUser(UsersView view, String name, String password) {
        test($(Button.class).withText("Add user").single()).click();
        AddUserDialog dialog = $(AddUserDialog.class).single();
        test($(TextField.class, dialog).withCaption("User name").single()).setValue(name);
        test($(PasswordField.class, dialog).withCaption("Password").single()).setValue(password);
        test($(Button.class, dialog).withText("Create").single()).click();
        assertThat(dialog.isOpened()).as(dialog.error.getText()).isFalse();
        return name;
    }

    private static int row(GridTester<?, UserAccount> grid, String username) {
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    private static Button button(GridTester<?, UserAccount> grid, int row, String text) {
        HorizontalLayout actions =
                (HorizontalLayout) grid.getCellComponent(row, 5); // user, role, language, email, status, actions
        List<Button> buttons = actions.getChildren()
                .map(Button.class::cast)
                .filter(b -> b.getText().equals(text))
                .toList();
        assertThat(buttons).hasSize(1);
        return buttons.getFirst();
    }
}
