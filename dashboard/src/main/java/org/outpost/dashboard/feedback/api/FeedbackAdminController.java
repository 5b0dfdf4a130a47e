package org.outpost.dashboard.feedback.api;

import java.util.List;
import org.outpost.dashboard.feedback.FeedbackOverview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (see the security configuration): feedback per topic and the articles behind it. */
@RestController
@RequestMapping("/api/v1/admin/feedback/topics")
class FeedbackAdminController {

    private final FeedbackOverview overview;

    FeedbackAdminController(FeedbackOverview overview) {
        this.overview = overview;
    }

    @GetMapping
    FeedbackOverview.Topics topics() {
        return overview.topics();
    }

    @GetMapping("/{topic}")
    List<FeedbackOverview.ArticleFeedback> articles(@PathVariable String topic) {
        return overview.articles(topic);
    }
}
