package org.outpost.dashboard.feed;

import org.outpost.alerts.feed.AlertFeed;
import org.outpost.alerts.feed.AlertFeeds;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /feeds/{token}.atom} and {@code .rss}: an alert's latest matches, open to whoever has
 * the address (a feed reader cannot sign in). With {@code ETag} and {@code Last-Modified}, so a
 * reader polling a feed that has not changed gets a 304 and no body. An unknown or revoked token,
 * or the feed of a disabled account, is a 404. Always revalidated ({@code no-cache}): a revoked
 * address must stop working at once, not when a cache lets go of it.
 */
@RestController
class FeedController {

    private final AlertFeeds feeds;
    private final FeedWriter writer;

    FeedController(AlertFeeds feeds, FeedWriter writer) {
        this.feeds = feeds;
        this.writer = writer;
    }

    @GetMapping("/feeds/{token}.atom")
    ResponseEntity<String> atom(@PathVariable String token, WebRequest request) {
        return feed(token, FeedWriter.Format.ATOM, request);
    }

    @GetMapping("/feeds/{token}.rss")
    ResponseEntity<String> rss(@PathVariable String token, WebRequest request) {
        return feed(token, FeedWriter.Format.RSS, request);
    }

    private ResponseEntity<String> feed(String token, FeedWriter.Format format, WebRequest request) {
        AlertFeed feed = feeds.read(token, AlertFeeds.MAX_ENTRIES).orElse(null);
        if (feed == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No such feed: the address is wrong, or its owner has turned it off or replaced it.\n");
        }
        String etag = "\"" + feed.version() + "-" + format.name().toLowerCase(java.util.Locale.ROOT) + "\"";
        // HTTP dates have whole seconds: a match later within the same second still changes the ETag
        long lastModified = feed.lastModified().toEpochMilli() / 1000 * 1000;
        CacheControl cache = CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag, lastModified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(cache)
                    .eTag(etag)
                    .lastModified(lastModified)
                    .build();
        }
        return ResponseEntity.ok()
                .cacheControl(cache)
                .eTag(etag)
                .lastModified(lastModified)
                .header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer")
                .contentType(MediaType.parseMediaType(format.contentType))
                .body(writer.write(feed, format, writer.feedUrl(token, format)));
    }
}
