package org.outpost.dashboard.audit.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.article.TimeParam;
import org.outpost.dashboard.audit.AuditEntry;
import org.outpost.dashboard.audit.AuditQuery;
import org.outpost.dashboard.audit.JdbcAuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/audit}: the audit log, newest first, a page at a time (admins only, see the security chain). */
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditController {

    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 100_000;

    private final JdbcAuditLog log;

    AuditController(JdbcAuditLog log) {
        this.log = log;
    }

    /**
     * @param user the acting user or the account acted upon
     * @param type an event type such as {@code USER_DISABLED}
     * @param from a date or instant, inclusive
     * @param to a date (inclusive) or instant (exclusive)
     */
    @GetMapping
    Page list(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "50") String size) {
        int pageNumber = bounded("page", page, 0, MAX_PAGE);
        int pageSize = bounded("size", size, 1, MAX_SIZE);
        AuditQuery query = new AuditQuery(
                limited("user", user, 100), limited("type", type, 50), time("from", from, false), time("to", to, true));
        return new Page(
                log.list(query, (long) pageNumber * pageSize, pageSize), log.count(query), pageNumber, pageSize);
    }

    record Page(List<AuditEntry> entries, long total, int page, int size) {}

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("field", e.field);
        problem.setProperty("message", e.getMessage());
        return problem;
    }

    private static int bounded(String field, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        throw new BadParameter(
                field,
                "'" + field + "' must be a whole number from " + min + " to " + max + ", was '"
                        + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
    }

    private static @Nullable String limited(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new BadParameter(field, "'" + field + "' must be at most " + max + " characters");
        }
        return value;
    }

    private static java.time.@Nullable Instant time(String field, @Nullable String value, boolean endOfDay) {
        try {
            return TimeParam.parse(field, limited(field, value, 40), endOfDay);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(field, e.getMessage());
        }
    }

    static final class BadParameter extends IllegalArgumentException {
        final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
