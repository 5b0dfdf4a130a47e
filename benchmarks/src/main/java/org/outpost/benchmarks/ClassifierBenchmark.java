package org.outpost.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.outpost.core.classify.Classifier;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;
import org.outpost.seeds.SampleCorpus;

/**
 * Topic scoring plus entity tagging of the 13 sample articles (about 65 KB of text) per
 * operation, on one thread, against a baseline that only tokenises the same text with Lucene's
 * standard analyzer. {@code docs/benchmarks.md} reports MB/s of each and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierBenchmark {

    private List<CleanStory> articles;
    private Classifier classifier;
    private Analyzer tokenizer;
    /** Bytes of text per operation, to turn operations per second into MB/s. */
    public long bytes;

    @Setup(Level.Trial)
    public void setUp() {
        PageCleaner cleaner = new PageCleaner();
        articles = SampleCorpus.load().documents().stream().flatMap(d -> cleaner.clean(d.text()).stream()).toList();
        bytes = articles.stream().mapToLong(a -> (a.title() + a.body()).length()).sum();
        classifier = Classifier.defaults();
        tokenizer = new StandardAnalyzer();
        System.out.printf("%n%d articles, %,d characters per operation%n", articles.size(), bytes);
    }

    @Benchmark
    public void classify(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(classifier.classify(article.title(), article.body()));
        }
    }

    @Benchmark
    public void baselineTokenise(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(tokens(article.title()));
            sink.consume(tokens(article.body()));
        }
    }

    private int tokens(String text) {
        int count = 0;
        try (TokenStream stream = tokenizer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }
}
