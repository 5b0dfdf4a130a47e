package org.outpost.dashboard.model;

import java.time.Instant;
import java.util.List;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingSummary;
import org.outpost.dashboard.audit.Auditing;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (the security configuration guards {@code /api/v1/admin/**}): train, compare, switch and roll back models. */
@RestController
@RequestMapping("/api/v1/admin/models")
class ModelController {

    private final TopicModels models;
    private final ModelTraining training;
    private final ModelSwitch switcher;

    ModelController(TopicModels models, ModelTraining training, ModelSwitch switcher) {
        this.models = models;
        this.training = training;
        this.switcher = switcher;
    }

    /** The model in use ({@code shipped} while none stored is), the shipped one and every stored one, newest first. */
    @GetMapping
    ModelList list() {
        TopicModel shipped = TopicModel.shipped();
        return new ModelList(
                switcher.activeVersion(),
                new ShippedModel(shipped.version(), shipped.trainedAt(), shipped.summary()),
                models.list());
    }

    record ModelList(String active, ShippedModel shipped, List<ModelRecord> models) {}

    /** The model shipped with Outpost, in use while no stored model is active. */
    record ShippedModel(String version, Instant trainedAt, TrainingSummary summary) {}

    @PostMapping("/training")
    ResponseEntity<TrainingStatus> train() {
        return ResponseEntity.accepted().body(training.start(Auditing.actor()));
    }

    @GetMapping("/training")
    TrainingStatus status() {
        return training.status();
    }

    @PostMapping("/{version}/activate")
    SwitchOutcome activate(@PathVariable String version) {
        return switcher.activate(version, Auditing.actor());
    }

    @PostMapping("/rollback")
    SwitchOutcome rollBack() {
        return switcher.rollBack(Auditing.actor());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail alreadyRunning(IllegalStateException e) {
        return conflict(e.getMessage());
    }

    @ExceptionHandler(SwitchRefused.class)
    ProblemDetail refused(SwitchRefused e) {
        ProblemDetail problem = conflict(e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    private static ProblemDetail conflict(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
        problem.setProperty("message", message);
        return problem;
    }
}
