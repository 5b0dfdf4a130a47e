package org.outpost.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.OutpostApp;
import org.outpost.dashboard.ui.i18n.Texts;
import org.springframework.beans.factory.annotation.Autowired;

/** Every refusal of the account rules reads English to the API and has its text in both languages for the page. */
@Tag(TestDatabases.TAG)
class UserRefusalsTest implements OutpostApp {

    private static final Locale RU = UserLanguages.RUSSIAN;

    @Autowired
    UserService users;

    @Test
    void eachRefusalIsEnglishForTheApiAndRussianForARussianReader() {
        assertRefusal(
                () -> users.setEnabled("admin", false, "admin"),
                "you cannot disable your own account",
                "Нельзя отключить собственную учётную запись");
        assertRefusal(
                () -> users.create(new NewUser("x", "a password long enough", "ANALYST")),
                "user name must be 3 to 50 characters of a-z, 0-9, '.', '_' or '-', was 'x'",
                "Имя пользователя — от 3 до 50 символов: a-z, 0-9, «.», «_» и «-»; указано «x»");
        assertRefusal(
                () -> users.create(new NewUser("refusal-test", "short", "ANALYST")),
                "password must be at least 12 characters",
                "Пароль должен быть не короче 12 символов");
        assertRefusal(
                () -> users.create(new NewUser("refusal-test", "ж".repeat(37), "ANALYST")),
                "password must be at most 72 bytes in UTF-8 (72 Latin letters, or 36 Cyrillic ones)",
                "Пароль — не длиннее 72 байт: 72 латинские буквы или 36 кириллических");
        assertRefusal(
                () -> users.create(new NewUser("admin", "a password long enough", "ADMIN")),
                "user 'admin' already exists",
                "Пользователь «admin» уже существует");
        assertRefusal(
                () -> users.create(new NewUser("refusal-test", "a password long enough", "boss")),
                "role must be one of ADMIN, ANALYST, VIEWER, was 'boss'",
                "Роль должна быть одной из: ADMIN, ANALYST, VIEWER; указано «boss»");
        assertRefusal(
                () -> Role.parse(" "),
                "role is required: one of ADMIN, ANALYST, VIEWER",
                "Выберите роль: ADMIN, ANALYST, VIEWER");
    }

    @Test
    void theLastAdminRefusalsReadNaturallyInBothLanguages() {
        // which accounts are admins depends on the tests that ran before: the texts are checked alone
        assertThat(Texts.get(RU, "users.error.lastAdminRole", "admin"))
                .isEqualTo(
                        "«admin» — последний включённый администратор: сначала назначьте администратором другого пользователя");
        assertThat(Texts.get(UserLanguages.ENGLISH, "users.error.lastAdminDisable", "admin"))
                .isEqualTo("'admin' is the last enabled admin and cannot be disabled");
    }

    private static void assertRefusal(Executable change, String english, String russian) {
        UserRefusedException refused;
        try {
            change.execute();
            throw new AssertionError("accepted: " + english);
        } catch (UserRefusedException e) {
            refused = e;
        } catch (Throwable other) {
            throw new AssertionError("refused with " + other, other);
        }
        assertThat(refused.getMessage()).isEqualTo(english);
        assertThat(Texts.get(RU, refused.key(), refused.arguments())).isEqualTo(russian);
        // a missing key would show as !key! on an English page
        assertThat(Texts.get(UserLanguages.ENGLISH, refused.key(), refused.arguments()))
                .as(refused.key())
                .doesNotStartWith("!")
                .doesNotContainPattern("\\p{IsCyrillic}");
    }
}
