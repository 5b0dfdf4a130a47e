package org.outpost.dashboard.classify;

import java.util.List;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.TopicDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ClassifyController {

    /** Far above any news article; bigger bodies are a mistake or an attack. */
    static final int MAX_TEXT_CHARS = 200_000;

    private final ClassifierService classifiers;

    ClassifyController(ClassifierService classifiers) {
        this.classifiers = classifiers;
    }

    @PostMapping("/classify")
    ClassifyResponse classify(@RequestBody ClassifyRequest request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'text' is required and must not be empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException(
                    "'text' has " + text.length() + " characters; the limit is " + MAX_TEXT_CHARS);
        }
        Classifier classifier = classifiers.current();
        return ClassifyResponse.of(classifier.classify(request.language(), request.title(), text), classifier.model());
    }

    @GetMapping("/topics")
    List<TopicDefinition> topics() {
        return classifiers.current().topicDefinitions().topics();
    }
}
