package org.outpost.dashboard.api;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.InvalidParameterException;
import org.outpost.core.index.InvalidQueryException;
import org.outpost.core.index.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of every REST endpoint as RFC 9457 problem details whose {@code detail} (also as
 * {@code message}) tells the caller what to fix. Ordered first so Spring's generic problem
 * handler does not answer unreadable bodies without saying what was expected.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final Pattern NAMED_PARAMETER = Pattern.compile("'([A-Za-z][\\w.]*)'|([a-z][A-Za-z]*) must ");

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        // the message says where the text broke and recalls the syntax, or which limit the text passes
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage());
        problem.setProperty("field", "q");
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        if (e.column() != null) {
            problem.setProperty("position", e.column());
        }
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(SearchTimeoutException.class)
    ProblemDetail searchTimeout(SearchTimeoutException e) {
        log.warn("Search given up: {}", e.getMessage());
        return problem(HttpStatus.GATEWAY_TIMEOUT, "The search took too long", e.getMessage());
    }

    @ExceptionHandler(org.outpost.crawler.source.InvalidSourceException.class)
    ProblemDetail invalidSource(org.outpost.crawler.source.InvalidSourceException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid source", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(org.outpost.crawler.source.SourceNotFoundException.class)
    ProblemDetail sourceNotFound(org.outpost.crawler.source.SourceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage());
        // the checks of parameters say which one first ("'from' must be ...", "limit must be ...")
        Matcher named = NAMED_PARAMETER.matcher(String.valueOf(e.getMessage()));
        if (named.lookingAt()) {
            problem.setProperty("field", named.group(1) != null ? named.group(1) : named.group(2));
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameterType(MethodArgumentTypeMismatchException e) {
        // "page=99999999999" does not fit an int either: the same answer, naming the parameter
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                "'" + e.getName() + "' must be a whole number within range, was '" + e.getValue() + "'");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage());
            }
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The body is not the JSON this endpoint expects: " + rootMessage(e));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(IndexUnavailableException.class)
    ProblemDetail unavailable(IndexUnavailableException e) {
        log.warn("Article index unavailable", e);
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Article index unavailable",
                e.getMessage() + ". Try again shortly; /actuator/health shows the cluster's state.");
    }

    /** A value longer than its column or a broken constraint that no check caught before: the caller's input, not a crash. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        String id = correlationId();
        log.warn("Refused by the database [{}]: {}", id, rootMessage(e));
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "A value is longer than Outpost stores or conflicts with a stored one (reference " + id + ")");
        problem.setProperty("correlationId", id);
        return problem;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", rootMessage(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this");
    }

    /**
     * Whatever else escapes a controller. Spring's own web errors (405, 406, 415, a missing parameter, ...) keep the
     * status they carry; anything else is a 500 whose stack trace is logged once under a reference the client gets,
     * so a crash is never answered by the error page's security as a bare 403, and never shows internals.
     */
    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof AsyncRequestNotUsableException) {
            // the client went away (a download cancelled): nobody to answer, nothing broken
            log.debug("Client gone: {}", e.getMessage());
            return null;
        }
        if (e instanceof ErrorResponse known) {
            ProblemDetail body = known.getBody();
            if (body.getDetail() != null) {
                body.setProperty("message", body.getDetail());
            }
            return ResponseEntity.status(known.getStatusCode())
                    .headers(known.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        String id = correlationId();
        log.error("Unexpected error [{}]", id, e);
        ProblemDetail problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Outpost failed to answer this request; the log holds the details under reference " + id);
        problem.setProperty("correlationId", id);
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String correlationId() {
        return UUID.randomUUID().toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("message", detail);
        return problem;
    }
}
