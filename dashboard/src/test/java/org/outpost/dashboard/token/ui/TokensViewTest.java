package org.outpost.dashboard.token.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.H2;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.token.ApiToken;
import org.outpost.dashboard.token.TokenScope;
import org.outpost.dashboard.token.TokenService;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.beans.factory.annotation.Autowired;

class TokensViewTest extends ViewTest {

    private static final Locale RU = UserLanguages.RUSSIAN;

    @Autowired
    TokenService tokens;

    @Test
    void newToken_created_showsItsSecretOnceAndListsIt() {
        TokensView view = navigate(TokensView.class);
        String name = "view token " + System.nanoTime();

        test($(Button.class).withText("New token").single()).click();
        CreateTokenDialog dialog = $(CreateTokenDialog.class).single();
        test(dialog.name).setValue(name);
        test(dialog.scope).selectItem("read and write");
        test($(Button.class, dialog).withText("Create").single()).click();

        NewTokenPanel shown = $(NewTokenPanel.class, dialog).single();
        String secret = shown.secret.getValue();
        assertThat(secret).startsWith("opt_");
        assertThat(shown.secret.isReadOnly()).isTrue();
        assertThat($(Button.class, dialog).withText("Copy").exists()).isTrue();
        assertThat(shown.getElement().getTextRecursively()).contains("shown only this once");

        GridTester<?, ApiToken> grid = test(view.grid);
        ApiToken listed = row(grid, name);
        assertThat(listed.scope()).isEqualTo(TokenScope.READ_WRITE);
        assertThat(listed.owner()).isEqualTo("admin");
        assertThat(secret).startsWith("opt_" + listed.id() + "_");

        view.revoke(listed);
        assertThat(tokens.list("admin")).extracting(ApiToken::name).doesNotContain(name);
    }

    @Test
    void header_keyButton_opensTheTokensPage() {
        UI.getCurrent().navigate("admin/users");
        assertThat(getCurrentView()).isNotInstanceOf(TokensView.class);

        test($(Button.class).withClassName("tokens-link").single()).click();

        assertThat(getCurrentView()).isInstanceOf(TokensView.class);
    }

    @Test
    void newToken_withoutAName_saysWhyUnderTheField() {
        navigate(TokensView.class);
        test($(Button.class).withText("New token").single()).click();
        CreateTokenDialog dialog = $(CreateTokenDialog.class).single();

        test($(Button.class, dialog).withText("Create").single()).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Give the token a name: what it is for");
        assertThat($(NewTokenPanel.class).exists()).isFalse();
    }

    @Test
    void tokens_forARussianReader_areInRussian() {
        readIn(RU);
        TokensView view = navigate(TokensView.class);

        assertThat($(H2.class, view).first().getText()).isEqualTo("API-токены");
        test($(Button.class).withText(Texts.get(RU, "tokens.add")).single()).click();
        CreateTokenDialog dialog = $(CreateTokenDialog.class).single();
        assertThat(dialog.lifetime.getLabel()).isEqualTo("Срок действия");
        assertThat(dialog.lifetime.getItemLabelGenerator().apply(90)).isEqualTo("90 дней");
        assertThat(dialog.scope.getItemLabelGenerator().apply(TokenScope.READ)).isEqualTo("чтение");

        test($(Button.class, dialog).withText(Texts.get(RU, "action.create")).single())
                .click();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Дайте токену название: для чего он");

        String name = "отчёт " + System.nanoTime();
        test(dialog.name).setValue(name);
        test($(Button.class, dialog).withText(Texts.get(RU, "action.create")).single())
                .click();
        assertThat($(NewTokenPanel.class, dialog).single().getElement().getTextRecursively())
                .contains("показывается только один раз");
        // the shared app's admin holds few live tokens: the next tests may make theirs
        tokens.list("admin").stream()
                .filter(t -> t.name().equals(name))
                .forEach(t -> tokens.revoke(t.id(), "admin", true));
    }

    private static ApiToken row(GridTester<?, ApiToken> grid, String name) {
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).name().equals(name)) {
                return grid.getRow(i);
            }
        }
        throw new AssertionError(name + " is not listed");
    }
}
