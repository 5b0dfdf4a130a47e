package org.outpost.dashboard.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.security.LoginView;
import org.outpost.dashboard.user.UserLanguages;
import org.outpost.dashboard.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The dashboard in Russian: every main view drawn for a Russian reader shows Russian labels and
 * none of the English interface texts; the header's switcher stores the choice with the account;
 * a reader who has not chosen gets their browser's language.
 */
class RussianInterfaceTest extends ViewTest {

    private static final Locale RU = UserLanguages.RUSSIAN;
    private static final Locale EN = UserLanguages.ENGLISH;

    @Autowired
    UserLanguages languages;

    @Autowired
    ReaderLanguage readerLanguage;

    @Autowired
    UserService users;

    @Test
    void mainViews_forARussianReader_showRussianLabelsAndNoEnglishInterfaceText() throws IOException {
        Set<String> english = englishOnlyTexts();
        record Page(String route, String title) {}
        for (Page page : List.of(
                new Page("", "Обзор"),
                new Page("explore", "Поиск"),
                new Page("alerts", "Оповещения"),
                new Page("reports", "Отчёты"),
                new Page("sources", "Источники"),
                new Page("notifications", "Уведомления"),
                new Page("admin/users", "Пользователи"),
                new Page("admin/status", "Система"),
                new Page("topics/drug_trafficking", "Наркотрафик"),
                new Page("profile", "Профиль"))) {
            readAs(RU, page.route());
            awaitBackgroundLoads();

            List<String> shown = texts(UI.getCurrent());
            assertThat(shown).as(page.route()).contains(page.title(), "Выйти", "Обзор", "Поиск", "Оповещения");
            assertThat(shown).as("English interface text on /" + page.route()).noneMatch(english::contains);
            assertThat(String.join("\n", shown))
                    .as(page.route())
                    .doesNotContain("!" + "nav.", "!overview.", "!explore.");
        }
    }

    @Test
    void overview_forARussianReader_namesTopicsInRussianAndCountsWithRussianPlurals() {
        readAs(RU, "explore");
        awaitBackgroundLoads();

        List<String> shown = texts(UI.getCurrent());
        assertThat(shown).anyMatch(t -> t.matches("[\\d\\s\\u00A0\\u202F]+ (статья|статьи|статей)"));
        assertThat(shown).contains("Сначала новые", "Темы", "Источники", "Языки");

        readAs(RU, "");
        awaitBackgroundLoads();
        List<String> cards = $(Div.class).withClassName("topic-card").all().stream()
                .map(c -> c.getElement().getTextRecursively())
                .toList();
        assertThat(cards)
                .hasSize(9)
                .anyMatch(t -> t.contains("Наркотрафик"))
                .anyMatch(t -> t.contains("Права человека"))
                .noneMatch(t -> t.contains("Drug trafficking"));
    }

    @Test
    void switcher_choosingRussian_storesItWithTheUserAndReloadsThePageInRussian() {
        UI.getCurrent().setLocale(EN);
        UI.getCurrent().navigate("");
        LanguageSwitcher switcher = $(LanguageSwitcher.class).single();
        assertThat(switcher.select().getValue()).isEqualTo(EN);

        switcher.select().setValue(RU);

        assertThat(languages.chosen("admin")).contains(RU);
        assertThat(users.get("admin").language()).as("as the user API shows it").isEqualTo("ru");
        assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(RU);
        // the page is drawn again (the browserless page re-opens the view where a browser reloads)
        assertThat(texts(UI.getCurrent())).contains("Выйти", "Обзор").doesNotContain("Log out");
        assertThat(readerLanguage.of(browser("en-US,en;q=0.9")))
                .as("the next page, even from an English browser")
                .isEqualTo(RU);
    }

    @Test
    void aUserWhoHasNotChosen_readsTheBrowsersLanguage_andTheirChoiceWinsOnceMade() {
        assertThat(readerLanguage.of(browser("ru-RU,ru;q=0.9,en;q=0.8"))).isEqualTo(RU);
        assertThat(readerLanguage.of(browser("en-GB,en;q=0.9"))).isEqualTo(EN);
        assertThat(readerLanguage.of(browser("de-DE,de;q=0.9"))).isEqualTo(EN);

        languages.choose("admin", EN);

        assertThat(readerLanguage.of(browser("ru-RU,ru;q=0.9"))).isEqualTo(EN);
        assertThat(languages.of("admin")).isEqualTo(EN);
    }

    @Test
    void loginPage_forARussianBrowser_isInRussian() {
        UI.getCurrent().setLocale(RU);

        LoginView login = new LoginView();

        assertThat(login.getPageTitle()).isEqualTo("Вход | Outpost");
        assertThat(login.getElement().getTextRecursively())
                .contains("Мониторинг новостей о безопасности в Центральной Азии");
        assertThat(login.getElement().getTextRecursively()).doesNotContain("News monitor");
    }

    /**
     * Opens the page as a reader who chose this language: a new page (the browserless reload opens
     * a new UI, as a browser's does) takes the signed-in user's language.
     */
    private void readAs(Locale language, String route) {
        languages.choose("admin", language);
        UI.getCurrent().navigate(route);
        UI.getCurrent().getPage().reload();
    }

    private static VaadinServletRequest browser(String acceptLanguage) {
        MockHttpServletRequest http = new MockHttpServletRequest();
        http.addHeader("Accept-Language", acceptLanguage);
        return new VaadinServletRequest(http, (VaadinServletService) VaadinService.getCurrent());
    }

    /** Lets the views' background loads (overview, topic page, facets) finish and draw. */
    private static void awaitBackgroundLoads() {
        for (int i = 0; i < 40; i++) {
            runQueuedUiTasks();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        runQueuedUiTasks();
    }

    /** What a reader sees of the interface: texts, labels, placeholders, helper texts, tooltips, grid headers. */
    private static List<String> texts(UI ui) {
        List<String> found = new ArrayList<>();
        // the route's outermost layout (MainLayout) holds the header, the menu and the view
        var targets = ui.getInternals().getActiveRouterTargetsChain();
        collect(targets.get(targets.size() - 1).getElement(), found);
        return found.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void collect(Element element, List<String> found) {
        found.add(element.getText());
        for (String property : List.of("label", "placeholder", "helperText", "errorMessage", "headerTitle")) {
            if (element.hasProperty(property)) {
                found.add(String.valueOf(element.getProperty(property)));
            }
        }
        for (String attribute : List.of("title", "aria-label", "label", "placeholder")) {
            if (element.hasAttribute(attribute)) {
                found.add(element.getAttribute(attribute));
            }
        }
        element.getComponent().ifPresent(c -> {
            if (c instanceof Grid<?> grid) {
                grid.getColumns().forEach(column -> found.add(String.valueOf(column.getHeaderText())));
            }
        });
        element.getChildren().forEach(child -> collect(child, found));
    }

    /** The English interface texts a Russian page must not show: those the Russian bundle writes differently. */
    private static Set<String> englishOnlyTexts() throws IOException {
        Properties english = load("translations.properties");
        Properties russian = load("translations_ru.properties");
        Set<String> texts = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (!text.equals(russian.getProperty(key)) && !text.contains("{") && text.length() >= 4) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RussianInterfaceTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
