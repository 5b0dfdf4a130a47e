package org.outpost.dashboard.suggestion;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (the security configuration guards {@code /api/v1/admin/**}): clauses proposed for a topic. */
@RestController
class SuggestionController {

    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    /** 404 (from the API's error handling) for a topic the classifier in use does not have. */
    @GetMapping("/api/v1/admin/topics/{id}/suggestions")
    SuggestionsResponse suggestions(@PathVariable String id) {
        return SuggestionsResponse.of(suggestions.suggest(id), suggestions.minMissing());
    }
}
