package org.outpost.dashboard.article.api;

import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** API errors as RFC 9457 problem details whose {@code detail} tells the caller what to fix. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid query", e.getMessage()
                + ". The query uses Lucene syntax: words, \"phrases\", AND/OR/NOT, field:value, wildcards*.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badParameter(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameterType(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "'" + e.getName() + "' must be a whole number, was '" + e.getValue() + "'");
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ProblemDetail notFound(ArticleNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Article not found", e.getMessage());
    }

    @ExceptionHandler(IndexUnavailableException.class)
    ProblemDetail unavailable(IndexUnavailableException e) {
        log.warn("Article index unavailable", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Article index unavailable",
                e.getMessage() + ". Try again shortly; /actuator/health shows the cluster's state.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("message", detail);
        return problem;
    }
}
