package org.outpost.dashboard.source.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.alerts.source.SourceNotice;
import org.outpost.dashboard.source.SourceAlertFollowers;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/source-alerts}: whether the caller is told when a source goes silent or fails
 * (their switch), and what they were told.
 */
@RestController
@RequestMapping("/api/v1/me/source-alerts")
class SourceAlertController {

    private final SourceAlerts alerts;
    private final SourceAlertFollowers followers;
    private final ReaderLanguages languages;

    SourceAlertController(SourceAlerts alerts, SourceAlertFollowers followers, ReaderLanguages languages) {
        this.alerts = alerts;
        this.followers = followers;
        this.languages = languages;
    }

    /** The switch: {@code follow} true or false; null goes back to the role's default (on for analysts and admins). */
    record Setting(@Nullable Boolean follow) {}

    record Notice(
            long id,
            long sourceId,
            String sourceName,
            String problem,
            String state,
            String title,
            String text,
            Instant since,
            Instant createdAt,
            @Nullable Instant readAt) {}

    record Inbox(boolean following, long unread, List<Notice> notices) {}

    @GetMapping
    Inbox get(Authentication user, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > SourceAlerts.MAX_LIST) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + SourceAlerts.MAX_LIST + ", was " + limit);
        }
        Locale locale = languages.of(user.getName());
        return new Inbox(
                followers.follows(user.getName()),
                alerts.unread(user.getName()),
                alerts.notices(user.getName(), limit).stream()
                        .map(n -> json(n, locale))
                        .toList());
    }

    @PutMapping
    Inbox set(@RequestBody Setting setting, Authentication user) {
        followers.set(user.getName(), setting.follow());
        return get(user, 50);
    }

    /** Marks every notice of the caller read (or one, with {@code ?id=}). */
    @PostMapping("/read")
    Inbox read(Authentication user, @RequestParam(required = false) @Nullable Long id) {
        alerts.markRead(user.getName(), id);
        return get(user, 50);
    }

    private Notice json(SourceNotice n, Locale locale) {
        return new Notice(
                n.id(),
                n.sourceId(),
                n.sourceName(),
                n.problem().name().toLowerCase(Locale.ROOT),
                n.state().name().toLowerCase(Locale.ROOT),
                alerts.title(n, locale),
                alerts.text(n, locale),
                n.since(),
                n.createdAt(),
                n.readAt());
    }
}
