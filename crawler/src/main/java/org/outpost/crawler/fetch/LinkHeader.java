package org.outpost.crawler.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets of {@code Link} header values (RFC 8288) with a given relation: {@code
 * <https://hub.example/>; rel="hub"}. A value may hold several links separated by commas, and a
 * rel several space-separated relations; targets are resolved against the response's address.
 */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

    private LinkHeader() {}

    public static List<URI> targets(List<String> values, String relation, URI base) {
        List<URI> found = new ArrayList<>();
        for (String value : values) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (!rel.find()) {
                    continue;
                }
                String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                for (String one : rels.toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (one.equals(relation)) {
                        resolve(link.group(1), base).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private static java.util.Optional<URI> resolve(String target, URI base) {
        try {
            URI uri = base.resolve(new URI(target.strip()));
            String scheme = uri.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                    ? java.util.Optional.of(uri)
                    : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
