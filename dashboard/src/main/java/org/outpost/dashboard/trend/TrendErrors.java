package org.outpost.dashboard.trend;

import org.outpost.core.index.InvalidQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = TrendErrors.class)
class TrendErrors {

    @ExceptionHandler({IllegalArgumentException.class, InvalidQueryException.class})
    ProblemDetail badRequest(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("message", e.getMessage());
        return problem;
    }
}
