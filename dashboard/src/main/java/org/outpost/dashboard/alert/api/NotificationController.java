package org.outpost.dashboard.alert.api;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.NotificationService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log: {@code /api/v1/notifications} is the caller's own (every channel, every
 * status), {@code /api/v1/admin/notifications/failed} every user's failures (admins only, by
 * the admin chain's rule on {@code /api/v1/admin/**}).
 */
@RestController
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications")
    List<NotificationJson.Response> list(
            @RequestParam(required = false) @Nullable Long subscription,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "100") int limit,
            Authentication user) {
        if (limit < 1 || limit > NotificationService.MAX_LIST) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + NotificationService.MAX_LIST + ", was " + limit);
        }
        return notifications.log(user.getName(), subscription, status(status), limit).stream()
                .map(NotificationJson.Response::of)
                .toList();
    }

    @GetMapping("/api/v1/notifications/unread")
    NotificationJson.Unread unread(Authentication user) {
        return new NotificationJson.Unread(notifications.unread(user.getName()));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, Authentication user) {
        owned(id, user);
        notifications.markRead(user.getName(), id);
        return ResponseEntity.noContent().build();
    }

    /** Marks every in-app notification of the caller read. */
    @PostMapping("/api/v1/notifications/read")
    NotificationJson.Unread readAll(Authentication user) {
        notifications.markRead(user.getName(), null);
        return new NotificationJson.Unread(notifications.unread(user.getName()));
    }

    /** Puts a failed delivery back in the queue: 202; one that has not failed: 409. */
    @PostMapping("/api/v1/notifications/{id}/retry")
    ResponseEntity<?> retry(@PathVariable long id, Authentication user) {
        Delivery delivery = owned(id, user);
        if (!notifications.retry(user.getName(), id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "Delivery " + id + " is " + NotificationJson.key(delivery.status())
                            + ", not failed: only failed deliveries are retried");
            problem.setProperty("message", problem.getDetail());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/v1/admin/notifications/failed")
    NotificationJson.Failed failed(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > NotificationService.MAX_LIST) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + NotificationService.MAX_LIST + ", was " + limit);
        }
        return new NotificationJson.Failed(
                notifications.failedCount(null),
                notifications.failed(limit).stream()
                        .map(d -> new NotificationJson.Owned(d.owner(), NotificationJson.Response.of(d)))
                        .toList());
    }

    private Delivery owned(long id, Authentication user) {
        return notifications
                .get(user.getName(), id)
                .orElseThrow(() -> new NoSuchElementException("You have no notification " + id));
    }

    private static @Nullable DeliveryStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be pending, sending, sent or failed, was '" + value + "'");
        }
    }
}
