package org.outpost.core.topic.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;
import org.outpost.core.topic.TermContribution;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScores;
import org.outpost.core.topic.TopicTerms;

/**
 * A learned model per topic — a logistic regression over a text's {@link TopicTerms} — and its
 * blend with the rule score: {@code score = σ(a × rules + b × P(topic | terms) + c)}, with
 * {@code a, b ≥ 0} learned per topic from texts neither part had seen, so the score is still in
 * [0, 1], still rises with either part, and is compared with the same threshold: every filter,
 * alert and report reads it as before. A linear mix cannot do this job: a text the clauses miss
 * entirely (rules 0) would need the model to be surer than it ever is. A topic the model was not
 * trained for keeps its rule score. Immutable, thread-safe.
 *
 * <p>Stored as text: a header (format, version, time, blend per topic, topics, training summary
 * as JSON), the biases, then one line per term with its weight for each topic. The version is a
 * hash of the weights and blends, so two trainings on the same data give the same version.
 */
public final class TopicModel {

    static final String FORMAT = "outpost-topic-model 1";
    private static final String SHIPPED = "/org/outpost/core/topic/learn/topic-model.tsv";
    private static final int EXPLAINED_TERMS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile @Nullable TopicModel shipped;

    private final String version;
    private final Instant trainedAt;
    /** Per {@link BlendGroup} (by ordinal), per topic. */
    private final Blend[][] blends;

    private final List<String> topics;
    private final double[] bias;
    private final Map<String, double[]> weights;
    private final TrainingSummary summary;

    TopicModel(
            Instant trainedAt,
            Blend[][] blends,
            List<String> topics,
            double[] bias,
            Map<String, double[]> weights,
            TrainingSummary summary) {
        this(null, trainedAt, blends, topics, bias, weights, summary);
    }

    private TopicModel(
            @Nullable String version,
            Instant trainedAt,
            Blend[][] blends,
            List<String> topics,
            double[] bias,
            Map<String, double[]> weights,
            TrainingSummary summary) {
        if (blends.length != BlendGroup.values().length
                || Arrays.stream(blends).anyMatch(b -> b.length != topics.size())
                || bias.length != topics.size()) {
            throw new IllegalArgumentException("a blend and a bias for each of the " + topics.size() + " topics");
        }
        this.trainedAt = trainedAt;
        this.blends = Arrays.stream(blends).map(Blend[]::clone).toArray(Blend[][]::new);
        this.topics = List.copyOf(topics);
        this.bias = bias.clone();
        this.weights = weights;
        this.summary = summary;
        this.version = version == null ? hash() : version;
    }

    /** The model shipped with Outpost, trained on the shipped sets; what runs until an admin switches on another. */
    public static TopicModel shipped() {
        TopicModel model = shipped;
        if (model == null) {
            try (InputStream in = TopicModel.class.getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException(SHIPPED + " is missing from the classpath");
                }
                model = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = model;
        }
        return model;
    }

    public String version() {
        return version;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    /** How far the model counts beside the clauses, from 0 (not at all) to 1 (alone), averaged over the topics. */
    public double blend() {
        return meanShare(blends);
    }

    /** The mean of the blends' model shares, to three decimals: what {@link #blend()} and the training summary say. */
    static double meanShare(Blend[][] blends) {
        return Math.round(Arrays.stream(blends)
                                .flatMap(Arrays::stream)
                                .mapToDouble(Blend::share)
                                .average()
                                .orElse(0)
                        * 1000)
                / 1000.0;
    }

    /** The blend of one topic's rule score and model probability for texts in {@code language}. */
    public Blend blend(String topic, Language language) {
        int at = topics.indexOf(topic);
        if (at < 0) {
            throw new IllegalArgumentException("the model has no topic " + topic);
        }
        return blends[BlendGroup.of(language).ordinal()][at];
    }

    public List<String> topics() {
        return topics;
    }

    public TrainingSummary summary() {
        return summary;
    }

    public int vocabulary() {
        return weights.size();
    }

    /** The model's probability of each of its topics for these terms. */
    public Map<String, Double> probabilities(TopicTerms terms) {
        double[] z = bias.clone();
        Vector x = Vector.of(terms);
        for (int i = 0; i < x.terms().length; i++) {
            double[] w = weights.get(x.terms()[i]);
            if (w != null) {
                for (int t = 0; t < z.length; t++) {
                    z[t] += w[t] * x.values()[i];
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < z.length; t++) {
            out.put(topics.get(t), sigmoid(z[t]));
        }
        return out;
    }

    /**
     * The rule scores blended with this model's, labels by each topic's threshold, and for each
     * topic the learned terms that weighed most for it in this text.
     */
    public TopicScores blend(TopicScores rules, TopicTerms terms, Language language, TopicDefinitions definitions) {
        Blend[] group = blends[BlendGroup.of(language).ordinal()];
        Map<String, Double> probabilities = probabilities(terms);
        Vector x = Vector.of(terms);
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<TermContribution>> learned = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (TopicDefinition topic : definitions.topics()) {
            double rule = rules.scores().getOrDefault(topic.id(), 0.0);
            Double p = probabilities.get(topic.id());
            double score =
                    p == null ? rule : Math.round(group[topics.indexOf(topic.id())].score(rule, p) * 1000) / 1000.0;
            scores.put(topic.id(), score);
            if (p != null) {
                learned.put(topic.id(), explain(topics.indexOf(topic.id()), x, terms));
            }
            if (score >= topic.threshold()) {
                labels.add(topic.id());
            }
        }
        return new TopicScores(scores, labels, rules.explanations(), rules.scores(), learned);
    }

    /** The terms of this text that pushed the topic's probability furthest, either way, strongest first. */
    private List<TermContribution> explain(int topic, Vector x, TopicTerms terms) {
        List<TermContribution> out = new ArrayList<>();
        for (int i = 0; i < x.terms().length; i++) {
            double[] w = weights.get(x.terms()[i]);
            if (w != null && Math.abs(w[topic] * x.values()[i]) >= 0.05) {
                String term = x.terms()[i];
                out.add(new TermContribution(
                        terms.surface(term),
                        terms.counts().get(term),
                        Math.round(w[topic] * x.values()[i] * 100) / 100.0));
            }
        }
        out.sort(Comparator.comparingDouble((TermContribution c) -> -Math.abs(c.weight())));
        return List.copyOf(out.subList(0, Math.min(EXPLAINED_TERMS, out.size())));
    }

    /**
     * One topic's blend: {@code σ(rules × rules score + model × probability + bias)}.
     *
     * @param rules weight of the rule score, ≥ 0
     * @param model weight of the model's probability, ≥ 0
     */
    public record Blend(double rules, double model, double bias) {

        double score(double rule, double probability) {
            return sigmoid(rules * rule + model * probability + bias);
        }

        /** The model's share of the two weights. */
        public double share() {
            return rules + model == 0 ? 0 : model / (rules + model);
        }

        String format() {
            return number(rules) + "," + number(model) + "," + number(bias);
        }

        static Blend parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a blend is 'rules,model,bias', not '" + text + "'");
            }
            return new Blend(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        }
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The model as text, for the database and the shipped file. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(FORMAT).append('\n');
        out.append("version\t").append(version).append('\n');
        out.append("trained\t").append(trainedAt).append('\n');
        for (BlendGroup group : BlendGroup.values()) {
            out.append("blend.").append(group.code());
            for (Blend b : blends[group.ordinal()]) {
                out.append('\t').append(b.format());
            }
            out.append('\n');
        }
        out.append("topics\t").append(String.join("\t", topics)).append('\n');
        try {
            out.append("summary\t").append(JSON.writeValueAsString(summary)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.append(weightLines());
        return out.toString();
    }

    private String weightLines() {
        StringBuilder out = new StringBuilder("bias");
        for (double b : bias) {
            out.append('\t').append(number(b));
        }
        out.append('\n');
        weights.keySet().stream().sorted().forEach(term -> {
            out.append(term);
            for (double w : weights.get(term)) {
                out.append('\t').append(number(w));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((String.join("\t", topics)
                                    + Arrays.stream(blends)
                                            .flatMap(Arrays::stream)
                                            .map(Blend::format)
                                            .toList()
                                    + weightLines())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** @throws IllegalArgumentException saying which line is wrong */
    public static TopicModel parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals(FORMAT)) {
            throw new IllegalArgumentException("not a topic model: the first line must be '" + FORMAT + "'");
        }
        Map<String, String> header = new LinkedHashMap<>();
        int line = 1;
        for (; line < lines.size() && !lines.get(line).startsWith("bias\t"); line++) {
            String[] parts = lines.get(line).split("\t", 2);
            header.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        try {
            List<String> topics = List.of(header.getOrDefault("topics", "").split("\t"));
            Blend[][] blends = Arrays.stream(BlendGroup.values())
                    .map(g -> Arrays.stream(
                                    header.getOrDefault("blend." + g.code(), "").split("\t"))
                            .map(Blend::parse)
                            .toArray(Blend[]::new))
                    .toArray(Blend[][]::new);
            double[] bias = numbers(lines.get(line), topics.size(), line);
            Map<String, double[]> weights = new LinkedHashMap<>();
            for (line++; line < lines.size(); line++) {
                String row = lines.get(line);
                int tab = row.indexOf('\t');
                if (row.isBlank()) {
                    continue;
                }
                if (tab <= 0) {
                    throw new IllegalArgumentException("line " + (line + 1) + ": expected a term and its weights");
                }
                weights.put(row.substring(0, tab), numbers(row, topics.size(), line));
            }
            return new TopicModel(
                    header.get("version"),
                    Instant.parse(header.get("trained")),
                    blends,
                    topics,
                    bias,
                    weights,
                    JSON.readValue(header.get("summary"), TrainingSummary.class));
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException
                    && e.getMessage() != null
                    && e.getMessage().startsWith("line ")) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("not a readable topic model: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(String row, int expected, int line) {
        String[] parts = row.split("\t");
        if (parts.length != expected + 1) {
            throw new IllegalArgumentException(
                    "line " + (line + 1) + ": expected " + expected + " weights, found " + (parts.length - 1));
        }
        return Arrays.stream(parts, 1, parts.length)
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    @Override
    public String toString() {
        return "TopicModel[" + version + ", " + topics.size() + " topics, " + weights.size() + " terms, blend "
                + blend() + "]";
    }
}
