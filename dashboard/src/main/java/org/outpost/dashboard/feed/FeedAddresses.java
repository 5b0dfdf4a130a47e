package org.outpost.dashboard.feed;

import java.net.URI;

/** Where an alert's feed is read: under the public URL, in either format. */
final class FeedAddresses {

    private FeedAddresses() {}

    static String atom(URI publicUrl, String token) {
        return base(publicUrl) + "/feeds/" + token + ".atom";
    }

    static String rss(URI publicUrl, String token) {
        return base(publicUrl) + "/feeds/" + token + ".rss";
    }

    static String base(URI publicUrl) {
        return publicUrl.toString().replaceAll("/+$", "");
    }
}
