package org.outpost.dashboard.user.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.Role;

/** A role as a coloured badge: admins stand out, since they can change everything. */
final class RoleBadge {

    private RoleBadge() {}

    static Span of(Role role) {
        Span badge = new Span(label(role));
        badge.addClassNames("role-badge", "role-" + role.name().toLowerCase(Locale.ROOT));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (role) {
                            case ADMIN -> "error";
                            case ANALYST -> "";
                            case VIEWER -> "contrast";
                        });
        return badge;
    }

    static String label(Role role) {
        return Texts.get("role." + role.name().toLowerCase(Locale.ROOT));
    }
}
