package org.outpost.dashboard.api;

import org.outpost.core.index.SearchTimeoutException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints of the test app that fail as code can fail, so the answers to failures that no request should cause are
 * tested over real HTTP: the REST ones through {@link ApiErrors}, the plain one through the servlet container's error
 * page.
 */
final class FailingEndpoints {

    private FailingEndpoints() {}

    @RestController
    static class Rest {

        @GetMapping("/api/v1/test-failures/bug")
        String bug() {
            throw new IllegalStateException("internal detail: table secret_things is locked");
        }

        @GetMapping("/api/v1/test-failures/too-long")
        String tooLong() {
            throw new DataIntegrityViolationException("Value too long for column \"FILTERS CHARACTER VARYING(8000)\"");
        }

        @GetMapping("/api/v1/test-failures/slow")
        String slow() {
            throw new SearchTimeoutException("The search took longer than 5000 ms and was given up", null);
        }
    }

    /** Not a REST controller: what escapes it goes to the container's error page. */
    @Controller
    static class Plain {

        @GetMapping("/api/v1/test-failures/plain")
        String plain() {
            throw new IllegalStateException("internal detail of a plain controller");
        }
    }
}
