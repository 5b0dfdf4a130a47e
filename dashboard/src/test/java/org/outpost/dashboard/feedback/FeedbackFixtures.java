package org.outpost.dashboard.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

/** Articles with labels chosen by the test (not by the scorer, which the lead is still tuning) and users of each role. */
final class FeedbackFixtures {

    static final String PASSWORD = "feedback-test-pw";

    private FeedbackFixtures() {}

    /** An indexed English article labelled with {@code labels} (score 0.8 each), and 0.1 for terrorism unless labelled. */
    static Article article(ArticleIndex index, String... labels) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("terrorism", 0.1);
        for (String label : labels) {
            scores.put(label, 0.8);
        }
        String unique = UUID.randomUUID().toString();
        Article article = Article.builder(
                        "Feedback Test Wire",
                        "Militants crossed the river at night " + unique,
                        "Border guards said a group of militants crossed the river at night near the post. " + unique)
                .url("https://feedback-test.example/" + unique)
                .language("en")
                .fetchedAt(Instant.now())
                .build()
                .withClassification(scores, List.of(labels), List.of());
        index.index(List.of(article));
        index.refresh();
        return article;
    }

    /** A user of this role, made when missing, whose password is {@link #PASSWORD}. */
    static String user(UserDetailsManager users, String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password("{noop}" + PASSWORD)
                    .roles(role)
                    .build());
        }
        return name;
    }
}
