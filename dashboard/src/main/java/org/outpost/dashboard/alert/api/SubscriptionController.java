package org.outpost.dashboard.alert.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.alerts.subscription.InvalidSubscriptionException;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.dashboard.article.QueryPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/subscriptions}: the caller's own alert subscriptions. Any signed-in user may
 * keep them (alerts are personal, viewers included); another user's subscription answers 404,
 * as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    static final int PREVIEW_LATEST = 5;

    private final SubscriptionService subscriptions;
    private final NotificationService notifications;
    private final QueryPolicy policy;
    private final Clock clock = Clock.systemUTC();

    private final EmailConfirmations confirmations;

    SubscriptionController(
            SubscriptionService subscriptions,
            NotificationService notifications,
            QueryPolicy policy,
            EmailConfirmations confirmations) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.policy = policy;
        this.confirmations = confirmations;
    }

    /**
     * Sends the confirmation message to one of the caller's addresses again (a new link): 202, or
     * 409 when it is confirmed already, not one of the caller's, or was sent within the cool-down.
     */
    @PostMapping("/email-confirmations")
    ResponseEntity<?> resendConfirmation(@RequestBody Map<String, String> body, Authentication user) {
        String address = body.get("address");
        if (address == null || address.isBlank() || address.length() > SubscriptionDefinition.MAX_EMAIL) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "give the address, at most " + SubscriptionDefinition.MAX_EMAIL + " characters");
            problem.setProperty("field", "address");
            return ResponseEntity.badRequest().body(problem);
        }
        if (confirmations.resend(user.getName(), address)) {
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "no confirmation to send again: the address is confirmed already, is none of yours,"
                                + " or its last confirmation was sent less than "
                                + confirmations.resendAfter().toMinutes() + " minutes ago"));
    }

    @GetMapping
    List<SubscriptionJson.Response> list(Authentication user) {
        return subscriptions.list(user.getName()).stream()
                .map(s -> response(s, user))
                .toList();
    }

    @PostMapping
    ResponseEntity<SubscriptionJson.Response> create(
            @RequestBody SubscriptionJson.Request request, Authentication user) {
        Subscription created = subscriptions.create(user.getName(), request.definition(null), policy.limits(user));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id()))
                .body(response(created, user));
    }

    @GetMapping("/{id}")
    SubscriptionJson.Response get(@PathVariable long id, Authentication user) {
        return response(owned(id, user), user);
    }

    @PutMapping("/{id}")
    SubscriptionJson.Response update(
            @PathVariable long id, @RequestBody SubscriptionJson.Request request, Authentication user) {
        Subscription before = owned(id, user);
        return subscriptions
                .update(id, user.getName(), request.definition(before), policy.limits(user))
                .map(s -> response(s, user))
                .orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication user) {
        if (!subscriptions.delete(id, user.getName())) {
            throw notFound(id);
        }
    }

    /** Back-tests a query and filters (the same body as POST) before saving it. */
    @PostMapping("/preview")
    SubscriptionJson.PreviewResponse preview(@RequestBody SubscriptionJson.Request request, Authentication user) {
        SubscriptionDefinition.Valid valid = request.previewDefinition().validate(false, policy.limits(user));
        return SubscriptionJson.PreviewResponse.of(
                subscriptions.preview(valid.query(), valid.filters(), PREVIEW_LATEST));
    }

    /** 400 naming the field at fault and, for a query, the column where it breaks. */
    @ExceptionHandler(InvalidSubscriptionException.class)
    ProblemDetail invalid(InvalidSubscriptionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid subscription");
        problem.setProperty("message", e.getMessage());
        problem.setProperty("field", e.field());
        if (e.position() != null) {
            problem.setProperty("position", e.position());
        }
        return problem;
    }

    private Subscription owned(long id, Authentication user) {
        return subscriptions.get(id, user.getName()).orElseThrow(() -> notFound(id));
    }

    private SubscriptionJson.Response response(Subscription s, Authentication user) {
        List<Delivery> last = notifications.log(user.getName(), s.id(), null, 1);
        return SubscriptionJson.Response.of(
                s, last.isEmpty() ? null : last.getFirst(), clock.instant(), confirmations.states(user.getName()));
    }

    private static NoSuchElementException notFound(long id) {
        return new NoSuchElementException("You have no subscription " + id);
    }
}
