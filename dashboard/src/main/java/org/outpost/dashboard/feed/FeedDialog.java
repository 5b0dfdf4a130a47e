package org.outpost.dashboard.feed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.feed.AlertFeeds;
import org.outpost.alerts.subscription.Subscription;

/**
 * An alert's private feed: its address to copy into a feed reader, a new address (the old one
 * stops working: for an address that leaked) and turning it off.
 */
public class FeedDialog extends Dialog {

    private final AlertFeeds feeds;
    private final AlertsProperties properties;
    private final String owner;
    private final Subscription subscription;

    public FeedDialog(AlertFeeds feeds, AlertsProperties properties, String owner, Subscription subscription) {
        this.feeds = feeds;
        this.properties = properties;
        this.owner = owner;
        this.subscription = subscription;
        addClassName("feed-dialog");
        setHeaderTitle(getTranslation("feed.title", subscription.name()));
        setWidth("36em");
        show();
    }

    private void show() {
        removeAll();
        getFooter().removeAll();
        add(new Paragraph(getTranslation("feed.what")));
        Button close = new Button(getTranslation("action.close"), e -> close());
        String token = feeds.token(owner, subscription.id()).orElse(null);
        if (token == null) {
            Button on = new Button(getTranslation("feed.on"), VaadinIcon.CONNECT.create(), e -> {
                feeds.renew(owner, subscription.id());
                show();
            });
            on.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(close, on);
            return;
        }
        add(address("Atom", FeedAddresses.atom(properties.publicUrl(), token)));
        add(address("RSS", FeedAddresses.rss(properties.publicUrl(), token)));
        add(new Paragraph(getTranslation("feed.private")));
        Button renew = new Button(getTranslation("feed.renew"), VaadinIcon.REFRESH.create(), e -> {
            feeds.renew(owner, subscription.id());
            show();
        });
        Button off = new Button(getTranslation("feed.off"), e -> {
            feeds.revoke(owner, subscription.id());
            show();
        });
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(off, renew, close);
    }

    private TextField address(String label, String url) {
        TextField field = new TextField(label);
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("feed-address");
        Button copy = new Button(VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url);
            e.getSource().setText(getTranslation("users.copied"));
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel(getTranslation("users.copy"));
        field.setSuffixComponent(copy);
        return field;
    }
}
