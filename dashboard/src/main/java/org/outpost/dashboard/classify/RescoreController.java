package org.outpost.dashboard.classify;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (see the security configuration): reload the topics and re-score every article. */
@RestController
@RequestMapping("/api/v1/admin/rescore")
class RescoreController {

    private final RescoreService rescore;

    RescoreController(RescoreService rescore) {
        this.rescore = rescore;
    }

    @PostMapping
    ResponseEntity<RescoreStatus> start() {
        return ResponseEntity.accepted().body(rescore.start());
    }

    @GetMapping
    RescoreStatus status() {
        return rescore.status();
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail alreadyRunning(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("message", e.getMessage());
        return problem;
    }
}
