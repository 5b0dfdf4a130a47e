package org.outpost.dashboard.confirm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.dashboard.ui.i18n.Texts;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /confirm/{token}}: the link of a confirmation message, open to anyone (the recipient
 * has no account). Says what happened in English and Russian, since the recipient's language is
 * not known: confirmed (200), expired (410, ask for a new link) or unknown (404).
 */
@Controller
class ConfirmController {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("ru"));

    private final EmailConfirmations confirmations;
    private final ApplicationEventPublisher events;

    ConfirmController(EmailConfirmations confirmations, ApplicationEventPublisher events) {
        this.confirmations = confirmations;
        this.events = events;
    }

    @GetMapping("/confirm/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        EmailConfirmations.Result result = token.length() > 100
                ? new EmailConfirmations.Result(EmailConfirmations.Outcome.UNKNOWN, null, null, false)
                : confirmations.confirm(token);
        if (result.now() && result.owner() != null && result.address() != null) {
            events.publishEvent(
                    new AuditApplicationEvent(result.owner(), "EMAIL_CONFIRMED", Map.of("address", result.address())));
        }
        String key = switch (result.outcome()) {
            case CONFIRMED -> "confirm.done";
            case EXPIRED -> "confirm.expired";
            case UNKNOWN -> "confirm.unknown";
        };
        HttpStatus status = switch (result.outcome()) {
            case CONFIRMED -> HttpStatus.OK;
            case EXPIRED -> HttpStatus.GONE;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>Outpost</title>"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em}</style>"
                + "</head><body>");
        for (Locale language : LANGUAGES) {
            html.append("<section lang=\"")
                    .append(language.getLanguage())
                    .append("\"><h1>")
                    .append(HtmlUtils.htmlEscape(Texts.get(language, key + ".title")))
                    .append("</h1><p>")
                    .append(HtmlUtils.htmlEscape(Texts.get(
                            language,
                            key + ".text",
                            result.address() == null ? "" : result.address(),
                            result.owner() == null ? "" : result.owner())))
                    .append("</p></section>");
        }
        html.append("</body></html>");
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(html.toString());
    }
}
