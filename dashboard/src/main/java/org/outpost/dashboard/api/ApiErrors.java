package org.outpost.dashboard.api;

import java.util.NoSuchElementException;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of every REST endpoint as RFC 9457 problem details whose {@code detail} (also as
 * {@code message}) tells the caller what to fix. Ordered first so Spring's generic problem
 * handler does not answer unreadable bodies without saying what was expected.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        // the message says where the text broke and recalls the syntax
        return problem(HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage());
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
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameterType(MethodArgumentTypeMismatchException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                "'" + e.getName() + "' must be a whole number, was '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
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
