package org.outpost.dashboard.feed;

import java.util.Map;
import org.outpost.alerts.feed.AlertFeeds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions/{id}/feed}: the private feed of one of the caller's alerts. GET
 * reads its addresses (404 while it is off), POST turns it on with a new token (an earlier address
 * stops working), DELETE turns it off. Another user's alert answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/subscriptions/{id}/feed")
class FeedApiController {

    private final AlertFeeds feeds;
    private final FeedWriter writer;

    FeedApiController(AlertFeeds feeds, FeedWriter writer) {
        this.feeds = feeds;
        this.writer = writer;
    }

    @GetMapping
    ResponseEntity<Map<String, String>> get(@PathVariable long id, Authentication user) {
        return feeds.token(user.getName(), id)
                .map(token -> ResponseEntity.ok(addresses(token)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping
    ResponseEntity<Map<String, String>> renew(@PathVariable long id, Authentication user) {
        return feeds.renew(user.getName(), id)
                .map(token -> ResponseEntity.status(HttpStatus.CREATED).body(addresses(token)))
                .orElse(ResponseEntity.notFound().build());
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication user) {
        return feeds.revoke(user.getName(), id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private Map<String, String> addresses(String token) {
        return Map.of(
                "atom", writer.feedUrl(token, FeedWriter.Format.ATOM),
                "rss", writer.feedUrl(token, FeedWriter.Format.RSS));
    }
}
