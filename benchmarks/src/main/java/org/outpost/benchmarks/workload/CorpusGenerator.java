package org.outpost.benchmarks.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of realistic articles about security in Central Asia: each article
 * is a function of the seed and its index, so a server can produce article 73,512 on request
 * without holding the corpus. Topic articles are built from sentence shapes of the sample
 * corpus with the vocabulary the topic definitions look for; a share is off-topic filler.
 * Copies come at a known rate: {@code exactCopyRate} of articles repeat an earlier one word
 * for word under another source, {@code nearCopyRate} repeat it with one sentence changed.
 */
public final class CorpusGenerator {

    private final long seed;
    private final Instant end;
    private final Duration span;
    private final int size;
    private final double exactCopyRate;
    private final double nearCopyRate;

    /**
     * @param size how many articles; dates spread evenly over {@code span} before {@code end}, in index order
     */
    public CorpusGenerator(long seed, int size, Instant end, Duration span, double exactCopyRate, double nearCopyRate) {
        this.seed = seed;
        this.size = size;
        this.end = end;
        this.span = span;
        this.exactCopyRate = exactCopyRate;
        this.nearCopyRate = nearCopyRate;
    }

    /** The defaults the benchmarks use: 5 % exact and 5 % near copies over the last 90 days. */
    public static CorpusGenerator standard(int size, Instant end) {
        return standard(size, end, Duration.ofDays(90));
    }

    /** The defaults over another span: a year or more of news spreads over that many monthly indices. */
    public static CorpusGenerator standard(int size, Instant end, Duration span) {
        return new CorpusGenerator(20261125L, size, end, span, 0.05, 0.05);
    }

    public int size() {
        return size;
    }

    public GeneratedArticle article(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        SplittableRandom random = random(index);
        double roll = random.nextDouble();
        if (index > 10 && roll < exactCopyRate + nearCopyRate) {
            int picked = random.nextInt(Math.max(1, index - 200), index);
            GeneratedArticle source = article(picked);
            int original = picked;
            if (source.copyOf() >= 0) { // copy the story itself, not a copy of it
                original = source.copyOf();
                source = article(original);
            }
            boolean near = roll >= exactCopyRate;
            String body = near ? Vocabulary.changeOneSentence(source.body(), random) : source.body();
            String outlet = Vocabulary.SOURCES.get(
                    (Vocabulary.SOURCES.indexOf(source.source()) + 1 + random.nextInt(5)) % Vocabulary.SOURCES.size());
            return new GeneratedArticle(
                    index, outlet, source.title(), body, date(index), source.topic(), original, near);
        }
        return fresh(index, random);
    }

    public List<GeneratedArticle> range(int from, int to) {
        List<GeneratedArticle> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(article(i));
        }
        return out;
    }

    private GeneratedArticle fresh(int index, SplittableRandom random) {
        String source = Vocabulary.SOURCES.get(random.nextInt(Vocabulary.SOURCES.size()));
        Vocabulary.Topic topic =
                random.nextDouble() < 0.15 ? null : Vocabulary.TOPICS.get(random.nextInt(Vocabulary.TOPICS.size()));
        Vocabulary.Story story = Vocabulary.story(topic, random);
        return new GeneratedArticle(
                index, source, story.title(), story.body(), date(index), topic == null ? null : topic.id(), -1, false);
    }

    private Instant date(int index) {
        long step = span.toMillis() / Math.max(1, size);
        return end.minus(span).plusMillis(step * index + (mix(seed, index) & 0xFFFF) % Math.max(1, step));
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(mix(seed, index));
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
