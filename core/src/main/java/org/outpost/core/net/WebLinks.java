package org.outpost.core.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Addresses taken from crawled data (a page's canonical link, a feed item, a manifest) become
 * links only when they are http or https: a {@code javascript:}, {@code data:} or {@code file:}
 * address in a page must never become an anchor a reader clicks in the dashboard, an email or a
 * report. Articles store only such addresses; every place that renders one checks again, for
 * articles indexed before the rule.
 */
public final class WebLinks {

    private WebLinks() {}

    /** True for an absolute http or https address with a host. */
    public static boolean isWeb(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The address when {@link #isWeb}, else null (the article is kept without it). */
    public static @Nullable String webOrNull(@Nullable String address) {
        return isWeb(address) ? address : null;
    }
}
