package org.outpost.dashboard.feedback.api;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.feedback.Verdict;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every signed-in user, viewers too, gives and sees their own verdicts on an article's topics. */
@RestController
@RequestMapping("/api/v1/articles/{id}/feedback")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping
    List<FeedbackJson> mine(@PathVariable String id, Authentication user) {
        return feedback.mine(user.getName(), id).stream().map(FeedbackJson::of).toList();
    }

    /** Stores the verdict, replacing the caller's earlier one on the same topic (sending it again keeps it). */
    @PostMapping
    ResponseEntity<FeedbackJson> give(
            @PathVariable String id, @RequestBody FeedbackRequest request, Authentication user) {
        String topic = request.topic() == null || request.topic().isBlank()
                ? null
                : request.topic().strip();
        FeedbackJson stored =
                FeedbackJson.of(feedback.give(user.getName(), id, topic, Verdict.parse(request.verdict())));
        return ResponseEntity.created(URI.create("/api/v1/articles/" + id + "/feedback"))
                .body(stored);
    }

    /** Undoes the caller's verdict on the topic; without a topic, their "not relevant to us". */
    @DeleteMapping
    ResponseEntity<Void> withdraw(
            @PathVariable String id, @RequestParam(required = false) @Nullable String topic, Authentication user) {
        String which = topic == null || topic.isBlank() ? null : topic.strip();
        if (!feedback.withdraw(user.getName(), id, which)) {
            throw new NoSuchElementException(
                    which == null
                            ? "You have not said that article '" + id + "' is not relevant"
                            : "You have no feedback on topic '" + which + "' of article '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }
}
