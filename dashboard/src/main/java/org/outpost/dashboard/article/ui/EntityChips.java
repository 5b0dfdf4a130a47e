package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The article's entities as chips; each opens the article list filtered to that entity. */
class EntityChips extends Div {

    EntityChips(List<String> entities) {
        addClassName("entity-chips");
        if (entities.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("article.mentions")));
        Div chips = new Div();
        chips.addClassName("chips");
        for (String typed : entities) {
            int colon = typed.indexOf(':');
            String type = colon > 0 ? typed.substring(0, colon) : "";
            String name = EntityNames.name(typed, getLocale());
            String query = "entities:\"" + typed.replace("\"", "") + "\"";
            Anchor chip = new Anchor("/explore?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), name);
            chip.addClassNames("chip", "chip-" + type);
            chip.getElement().setAttribute("title", EntityNames.type(type, getLocale()));
            chips.add(chip);
        }
        add(chips);
    }
}
