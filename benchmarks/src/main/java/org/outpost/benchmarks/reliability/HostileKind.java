package org.outpost.benchmarks.reliability;

/**
 * One kind of malformed input the hostile-inputs drill mixes into a crawl, with how many of it and
 * what the app must do with it. {@code mustFail} kinds carry no article (garbage, nothing, or a
 * response the fetcher must refuse): the app must report them and index nothing. The others are
 * broken wrappers around real text (truncated markup, a lying charset, scripts in the title): the
 * app may index the text, but only sanitised (no markup or NUL in title and text, a plausible
 * date); if it does not index them, it must report them.
 */
enum HostileKind {

    // pages, linked from feeds among good articles
    TRUNCATED_HTML(Form.PAGE, 60, false, "an article page cut off mid-tag, no closing tags"),
    BINARY_AS_HTML(Form.PAGE, 60, true, "16 KB of random bytes served as text/html"),
    LYING_CHARSET(Form.PAGE, 60, false, "UTF-16 or windows-1251 bytes under a header and meta saying UTF-8"),
    GZIP_BOMB(Form.PAGE, 50, true, "Content-Encoding: gzip, 1 MB that inflates to 1 GiB"),
    OVER_SIZE_LIMIT(Form.PAGE, 30, true, "a 12 MB page (limit 10 MB)"),
    SLOW_DRIP(Form.PAGE, 3, true, "200 and headers, then one byte every 2 s (each costs the 30 s read timeout)"),
    HTTP_500(Form.PAGE, 18, true, "HTTP 500 from a separate host (5xx defers the rest of that host to the next run)"),
    HTTP_404(Form.PAGE, 60, true, "HTTP 404"),
    REDIRECT_LOOP(Form.PAGE, 50, true, "302 to itself"),
    EMPTY_BODY(Form.PAGE, 60, true, "200 text/html with no body"),
    HUGE_LINK_COUNT(Form.PAGE, 40, true, "100,000 links and no article text (≈4 MB)"),
    DEEP_NESTING(Form.PAGE, 40, false, "an article inside 20,000 nested <div>s"),
    NUL_BYTES(Form.PAGE, 60, false, "an article with NUL bytes in the title and text"),
    ABSURD_DATES(Form.PAGE, 60, false, "an article dated year 99999 (meta), 2999 (<time>) and 0001 (JSON-LD)"),
    SCRIPT_IN_TITLE(Form.PAGE, 60, false, "<script> and onerror in <title>, <h1> and the text"),
    NOT_HTML(Form.PAGE, 60, true, "image/png bytes behind an article link"),
    LYING_GZIP(Form.PAGE, 50, true, "Content-Encoding: gzip on a plain body"),
    SHORT_BODY(Form.PAGE, 49, true, "Content-Length 100,000, then 500 bytes and the connection closed"),
    FEED_AS_HTML(Form.PAGE, 30, false, "an RSS document served as text/html"),

    // feeds, each a source of its own
    FEED_INVALID_XML(Form.FEED, 6, true, "mismatched tags"),
    FEED_TRUNCATED(Form.FEED, 5, true, "a feed cut off halfway"),
    FEED_XXE(Form.FEED, 5, true, "a DOCTYPE with an external entity (file:///etc/passwd)"),
    FEED_BILLION_LAUGHS(Form.FEED, 5, true, "nested entity expansion"),
    FEED_GZIP_BOMB(Form.FEED, 5, true, "Content-Encoding: gzip, inflating to 1 GiB"),
    FEED_OVER_SIZE_LIMIT(Form.FEED, 4, true, "an 11 MB feed"),
    FEED_HTML(Form.FEED, 5, true, "an HTML page at the feed address"),
    FEED_BINARY(Form.FEED, 5, true, "random bytes as application/rss+xml"),
    FEED_EMPTY(Form.FEED, 5, true, "200 with no body"),
    FEED_HTTP_404(Form.FEED, 3, true, "HTTP 404"),
    FEED_HTTP_500(Form.FEED, 2, true, "HTTP 500"),
    FEED_REDIRECT_LOOP(Form.FEED, 3, true, "302 to itself"),
    FEED_NUL_BYTES(Form.FEED, 3, true, "a NUL character inside an item title (not well-formed XML)"),
    FEED_HOSTILE_FIELDS(
            Form.FEED,
            3,
            false,
            "well-formed, but titles with <script>/onerror, dates in 2999, items "
                    + "pointing at pages without a title of their own"),
    FEED_SLOW_DRIP(Form.FEED, 1, true, "one byte every 2 s"),

    // sitemaps, children of one sitemap index among two good ones
    SITEMAP_INVALID_XML(Form.SITEMAP, 5, true, "mismatched tags"),
    SITEMAP_GZIP_FILE_BOMB(
            Form.SITEMAP,
            5,
            true,
            "a .xml.gz file (application/gzip body, not transfer encoding) " + "inflating to 1 GiB"),
    SITEMAP_OVER_SIZE_LIMIT(Form.SITEMAP, 4, true, "an 11 MB sitemap"),
    SITEMAP_BINARY(Form.SITEMAP, 4, true, "random bytes as application/xml"),
    SITEMAP_EMPTY(Form.SITEMAP, 4, true, "200 with no body"),
    SITEMAP_HTTP_404(Form.SITEMAP, 4, true, "HTTP 404"),
    SITEMAP_REDIRECT_LOOP(Form.SITEMAP, 4, true, "302 to itself"),
    SITEMAP_XXE(Form.SITEMAP, 5, true, "a DOCTYPE with an external entity"),
    SITEMAP_HTML(Form.SITEMAP, 5, true, "an HTML page at the sitemap address");

    enum Form {
        PAGE,
        FEED,
        SITEMAP
    }

    final Form form;
    final int count;
    final boolean mustFail;
    final String description;

    HostileKind(Form form, int count, boolean mustFail, String description) {
        this.form = form;
        this.count = count;
        this.mustFail = mustFail;
        this.description = description;
    }

    /** The path segment naming the kind in URLs, e.g. {@code gzip-bomb}. */
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static HostileKind ofSlug(String slug) {
        return valueOf(slug.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
