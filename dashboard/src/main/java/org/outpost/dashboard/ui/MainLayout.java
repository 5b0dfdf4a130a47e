package org.outpost.dashboard.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.outpost.dashboard.alert.ui.NotificationBell;
import org.outpost.dashboard.ui.i18n.LanguageSwitcher;

/**
 * The frame around every view: brand, navigation drawer built from the views' menu entries, the
 * language switcher and user menu. Menu titles are translated by {@code nav.<title>} keys.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    /**
     * @param bell the unread in-app notifications, updated live (one per page: a prototype bean)
     * @param language the EN / RU selector (a prototype bean too)
     */
    public MainLayout(AuthenticationContext authentication, NotificationBell bell, LanguageSwitcher language) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation());
        addToNavbar(new DrawerToggle(), spacer(), bell, language, userMenu(authentication));
    }

    private Div brand() {
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("brand-tagline");
        Div brand = new Div(name, tagline);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(menuTitle(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    /** "Overview" is {@code nav.overview}; a view the bundles do not know keeps its own title. */
    private String menuTitle(String title) {
        String translated = getTranslation("nav." + title.toLowerCase(java.util.Locale.ROOT));
        return translated.startsWith("!") ? title : translated;
    }

    private static Div spacer() {
        Div spacer = new Div();
        spacer.getStyle().set("flex-grow", "1");
        return spacer;
    }

    private HorizontalLayout userMenu(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        Span user = new Span(new Icon(VaadinIcon.USER), new Span(name));
        user.addClassName("user-name");
        Button theme = new Button(
                new Icon(VaadinIcon.ADJUST),
                e -> e.getSource()
                        .getUI()
                        .ifPresent(ui -> ui.getPage()
                                .executeJs("const html = document.documentElement;"
                                        + "const dark = html.getAttribute('theme') !== 'dark';"
                                        + "if (dark) { html.setAttribute('theme', 'dark'); } else { html.removeAttribute('theme'); }"
                                        + "localStorage.setItem('outpost-theme', dark ? 'dark' : 'light');")));
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        theme.setAriaLabel(getTranslation("header.theme"));
        theme.setTooltipText(getTranslation("header.theme"));
        theme.addClassName("theme-toggle");
        // the user's personal API tokens (token.ui.TokensView): about the account, so here rather than in the drawer
        Button tokens =
                new Button(new Icon(VaadinIcon.KEY), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("tokens")));
        tokens.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        tokens.setAriaLabel(getTranslation("header.tokens"));
        tokens.setTooltipText(getTranslation("header.tokens"));
        tokens.addClassName("tokens-link");
        // the user's own profile (profile.ui.ProfileView): address, time zone, language, quiet hours
        Button profile = new Button(
                new Icon(VaadinIcon.USER_CARD), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("profile")));
        profile.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        profile.setAriaLabel(getTranslation("header.profile"));
        profile.setTooltipText(getTranslation("header.profile"));
        profile.addClassName("profile-link");
        Button logout = new Button(getTranslation("header.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout menu = new HorizontalLayout(theme, user, profile, tokens, logout);
        menu.setAlignItems(HorizontalLayout.Alignment.CENTER);
        menu.addClassName("user-menu");
        return menu;
    }
}
