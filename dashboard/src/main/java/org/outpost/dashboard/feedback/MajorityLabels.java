package org.outpost.dashboard.feedback;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users' verdicts on an article combined into labels: per topic, what most of the users with
 * an opinion on it said. "Right" and "missing" say yes, "wrong" no; "not relevant to us" says no
 * for every topic the same user gave no verdict on. A tie says nothing.
 *
 * @param positives topics most said the article is about
 * @param negatives topics most said it is not about
 * @param missing topics most said it lacks ("missing topic"), a subset of the positives
 */
record MajorityLabels(Set<String> positives, Set<String> negatives, Set<String> missing) {

    MajorityLabels {
        positives = Set.copyOf(positives);
        negatives = Set.copyOf(negatives);
        missing = Set.copyOf(missing);
    }

    boolean saysAnything() {
        return !positives.isEmpty() || !negatives.isEmpty();
    }

    /** Per article (in the order of their first verdict), its labels over these topics. */
    static Map<String, MajorityLabels> of(Collection<FeedbackStore.Vote> votes, List<String> topics) {
        // article → user → topic (null: the article-level verdict) → verdict
        Map<String, Map<String, Map<String, Verdict>>> byArticle = new LinkedHashMap<>();
        for (FeedbackStore.Vote vote : votes) {
            Feedback f = vote.feedback();
            byArticle
                    .computeIfAbsent(f.articleId(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(vote.user(), u -> new LinkedHashMap<>())
                    .put(f.topic() == null ? "" : f.topic(), f.verdict());
        }
        Map<String, MajorityLabels> labels = new LinkedHashMap<>();
        byArticle.forEach((article, users) -> labels.put(article, ofUsers(users.values(), topics)));
        return labels;
    }

    private static MajorityLabels ofUsers(Collection<Map<String, Verdict>> users, List<String> topics) {
        Set<String> positives = new LinkedHashSet<>();
        Set<String> negatives = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String topic : topics) {
            int yes = 0;
            int no = 0;
            int saidMissing = 0;
            for (Map<String, Verdict> verdicts : users) {
                Verdict verdict = verdicts.get(topic);
                if (verdict == null && verdicts.get("") == Verdict.NOT_RELEVANT) {
                    verdict = Verdict.WRONG;
                }
                if (verdict == null) {
                    continue;
                }
                if (verdict.saysYes()) {
                    yes++;
                } else {
                    no++;
                }
                if (verdict == Verdict.MISSING) {
                    saidMissing++;
                }
            }
            if (yes > no) {
                positives.add(topic);
            } else if (no > yes) {
                negatives.add(topic);
            }
            if (2 * saidMissing > yes + no) {
                missing.add(topic);
            }
        }
        return new MajorityLabels(positives, negatives, missing);
    }
}
