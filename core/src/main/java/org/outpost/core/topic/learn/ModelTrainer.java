package org.outpost.core.topic.learn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicScorer;
import org.outpost.core.topic.TopicTerms;

/**
 * Learns a {@link TopicModel} from labelled texts: per topic, an L2-regularised logistic
 * regression over the texts whose label for that topic is known, fitted by full-batch gradient
 * descent (Adam) — a few hundred lines instead of a library, deterministic (the same texts give
 * the same weights and version), and small enough for the few thousand texts this will see.
 *
 * <p>The blend with the rules is learned by {@value #FOLDS}-fold cross-validation on the training
 * texts: each text is scored by a model that did not see it, and per topic a two-input logistic
 * regression ({@link BlendFit}) learns from those scores and the rule scores how far to trust each.
 */
public final class ModelTrainer {

    static final int FOLDS = 5;
    private static final int MIN_GROUP_TEXTS = 40;
    private static final int MIN_GROUP_POSITIVES = 5;

    /**
     * @param l2 regularisation per text (higher: smaller weights, a model that trusts few texts less)
     * @param iterations gradient steps per topic
     * @param minTexts texts a term must occur in to be learned
     */
    public record Settings(double l2, int iterations, int minTexts) {
        public static final Settings DEFAULT = new Settings(0.00005, 1000, 2);
    }

    private final TopicScorer rules;
    private final Settings settings;
    private final Clock clock;

    public ModelTrainer(TopicScorer rules) {
        this(rules, Settings.DEFAULT, Clock.systemUTC());
    }

    public ModelTrainer(TopicScorer rules, Settings settings, Clock clock) {
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when no topic has both a positive and a negative text */
    public TopicModel train(List<LabelledText> texts, TrainingProgress progress) {
        List<String> topics = rules.definitions().ids();
        progress.at(0, "analysing");
        List<Vector> vectors = new ArrayList<>(texts.size());
        for (LabelledText text : texts) {
            vectors.add(Vector.of(TopicTerms.of(text.title(), text.text(), text.language())));
        }
        Vocabulary vocabulary = Vocabulary.of(vectors, settings.minTexts());
        List<Sparse> rows = vectors.stream().map(vocabulary::encode).toList();
        progress.at(0.1, "rules");
        double[][] ruleScores = new double[texts.size()][topics.size()];
        for (int i = 0; i < texts.size(); i++) {
            LabelledText text = texts.get(i);
            Map<String, Double> scores =
                    rules.score(text.title(), text.text(), text.language()).scores();
            for (int t = 0; t < topics.size(); t++) {
                ruleScores[i][t] = scores.getOrDefault(topics.get(t), 0.0);
            }
            if (i % 50 == 0) {
                progress.at(0.1 + 0.2 * i / texts.size(), "rules");
            }
        }
        double[][] outOfFold = new double[texts.size()][topics.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            progress.at(0.3 + 0.5 * fold / FOLDS, "validating");
            List<Integer> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                (Math.floorMod(texts.get(i).id().hashCode(), FOLDS) == fold ? out : in).add(i);
            }
            Fitted fitted = fit(texts, rows, in, topics, vocabulary.size());
            for (int i : out) {
                for (int t = 0; t < topics.size(); t++) {
                    outOfFold[i][t] = fitted.probability(t, rows.get(i));
                }
            }
        }
        double[] thresholds = topics.stream()
                .mapToDouble(id -> rules.definitions().topics().stream()
                        .filter(d -> d.id().equals(id))
                        .findFirst()
                        .map(TopicDefinition::threshold)
                        .orElseThrow())
                .toArray();
        TopicModel.Blend[][] blends = new TopicModel.Blend[BlendGroup.values().length][topics.size()];
        for (int t = 0; t < topics.size(); t++) {
            TopicModel.Blend all = fitBlend(texts, null, t, topics, ruleScores, outOfFold, thresholds[t]);
            for (BlendGroup group : BlendGroup.values()) {
                blends[group.ordinal()][t] = enoughFor(texts, group, topics.get(t))
                        ? fitBlend(texts, group, t, topics, ruleScores, outOfFold, thresholds[t])
                        : all;
            }
        }
        double crossValidatedF1 = blendedF1(texts, topics, ruleScores, outOfFold, thresholds, blends);
        progress.at(0.8, "fitting");
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            all.add(i);
        }
        Fitted model = fit(texts, rows, all, topics, vocabulary.size());
        progress.at(1, "fitting");
        return new TopicModel(
                clock.instant(),
                blends,
                topics,
                model.bias(),
                vocabulary.weights(model.weights(), 1e-4),
                summary(texts, topics, vocabulary.size(), TopicModel.meanShare(blends), crossValidatedF1));
    }

    private static double blendedF1(
            List<LabelledText> texts,
            List<String> topics,
            double[][] rules,
            double[][] model,
            double[] thresholds,
            TopicModel.Blend[][] blends) {
        TopicCounts counts = TopicCounts.NONE;
        for (int i = 0; i < texts.size(); i++) {
            for (int t = 0; t < topics.size(); t++) {
                Boolean known = texts.get(i).label(topics.get(t));
                if (known == null) {
                    continue;
                }
                boolean given =
                        blends[BlendGroup.of(texts.get(i).language()).ordinal()][t].score(rules[i][t], model[i][t])
                                >= thresholds[t];
                counts = counts.plus(
                        new TopicCounts(known && given ? 1 : 0, !known && given ? 1 : 0, known && !given ? 1 : 0));
            }
        }
        return counts.f1();
    }

    /** Texts enough in a group to learn its own blend for a topic: else it takes the one learned on all texts. */
    private static boolean enoughFor(List<LabelledText> texts, BlendGroup group, String topic) {
        int known = 0;
        int positives = 0;
        for (LabelledText text : texts) {
            if (BlendGroup.of(text.language()) == group && text.label(topic) != null) {
                known++;
                positives += Boolean.TRUE.equals(text.label(topic)) ? 1 : 0;
            }
        }
        return known >= MIN_GROUP_TEXTS && positives >= MIN_GROUP_POSITIVES;
    }

    private static TopicModel.Blend fitBlend(
            List<LabelledText> texts,
            @Nullable BlendGroup group,
            int topic,
            List<String> topics,
            double[][] ruleScores,
            double[][] outOfFold,
            double threshold) {
        List<double[]> inputs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Boolean known = texts.get(i).label(topics.get(topic));
            if (known != null && (group == null || BlendGroup.of(texts.get(i).language()) == group)) {
                inputs.add(new double[] {ruleScores[i][topic], outOfFold[i][topic]});
                labels.add(known);
            }
        }
        return BlendFit.fit(inputs, labels, threshold);
    }

    /** One logistic regression per topic on the texts {@code in}, each over the texts whose label is known. */
    private Fitted fit(List<LabelledText> texts, List<Sparse> rows, List<Integer> in, List<String> topics, int size) {
        double[][] weights = new double[topics.size()][];
        double[] bias = new double[topics.size()];
        for (int t = 0; t < topics.size(); t++) {
            List<Sparse> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (int i : in) {
                Boolean known = texts.get(i).label(topics.get(t));
                if (known != null) {
                    x.add(rows.get(i));
                    y.add(known);
                }
            }
            Logistic fitted = Logistic.fit(x, y, size, settings.l2(), settings.iterations());
            weights[t] = fitted.weights();
            bias[t] = fitted.bias();
        }
        return new Fitted(weights, bias);
    }

    private TrainingSummary summary(
            List<LabelledText> texts, List<String> topics, int vocabulary, double blend, double f1) {
        Map<String, Integer> origins = new LinkedHashMap<>();
        Map<String, Integer> languages = new LinkedHashMap<>();
        Map<String, Integer> positives = new LinkedHashMap<>();
        Map<String, Integer> negatives = new LinkedHashMap<>();
        topics.forEach(t -> {
            positives.put(t, 0);
            negatives.put(t, 0);
        });
        for (LabelledText text : texts) {
            origins.merge(text.origin(), 1, Integer::sum);
            languages.merge(text.language().code(), 1, Integer::sum);
            text.positives().forEach(t -> positives.computeIfPresent(t, (k, n) -> n + 1));
            text.negatives().forEach(t -> negatives.computeIfPresent(t, (k, n) -> n + 1));
        }
        return new TrainingSummary(
                texts.size(),
                origins,
                languages,
                positives,
                negatives,
                vocabulary,
                blend,
                settings.l2(),
                Math.round(f1 * 1000) / 1000.0);
    }

    private record Fitted(double[][] weights, double[] bias) {
        double probability(int topic, Sparse x) {
            return TopicModel.sigmoid(bias[topic] + x.dot(weights[topic]));
        }
    }

    /** The terms in at least {@code minTexts} texts, numbered in order of first appearance. */
    private record Vocabulary(Map<String, Integer> index, List<String> terms) {
        static Vocabulary of(List<Vector> vectors, int minTexts) {
            Map<String, Integer> documents = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (Vector v : vectors) {
                for (String term : v.terms()) {
                    if (documents.merge(term, 1, Integer::sum) == 1) {
                        order.add(term);
                    }
                }
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> terms = new ArrayList<>();
            for (String term : order) {
                if (documents.get(term) >= minTexts) {
                    index.put(term, terms.size());
                    terms.add(term);
                }
            }
            return new Vocabulary(index, terms);
        }

        int size() {
            return terms.size();
        }

        Sparse encode(Vector v) {
            List<Integer> idx = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            for (int i = 0; i < v.terms().length; i++) {
                Integer at = index.get(v.terms()[i]);
                if (at != null) {
                    idx.add(at);
                    val.add(v.values()[i]);
                }
            }
            return new Sparse(
                    idx.stream().mapToInt(Integer::intValue).toArray(),
                    val.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** Per term, its weight for each topic; terms whose every weight is below {@code floor} are left out. */
        Map<String, double[]> weights(double[][] byTopic, double floor) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (int f = 0; f < terms.size(); f++) {
                double[] w = new double[byTopic.length];
                boolean any = false;
                for (int t = 0; t < byTopic.length; t++) {
                    w[t] = byTopic[t][f];
                    any |= Math.abs(w[t]) >= floor;
                }
                if (any) {
                    out.put(terms.get(f), w);
                }
            }
            return out;
        }
    }
}
