package org.outpost.benchmarks.macro;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.outpost.alerts.AlertsConfiguration;
import org.outpost.alerts.match.InstantMatcher;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.benchmarks.workload.QueryGenerator;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Alert matching: S instant subscriptions (webhook channel to a local receiver) and a stream of
 * generated articles at R per second announced as indexed, as the crawler does. Reports the
 * time to match one article against all subscriptions, against a baseline that runs every
 * query on the article one by one (what the monitor's presearcher saves), and the latency from
 * the indexed event to the webhook's receipt of the delivery.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.macro.AlertMatchingBenchmark [subscriptions] [articles/s] [seconds]</pre>
 */
public final class AlertMatchingBenchmark {

    private static final Pattern ARTICLE_ID = Pattern.compile("\"articles\":\\[\\{\"id\":\"([^\"]+)\"");

    private AlertMatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Map<String, Long> announced = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastReceipt = new AtomicLong(System.nanoTime());

        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = ARTICLE_ID.matcher(body);
            if (m.find() && announced.containsKey(m.group(1))) {
                latencies.add((now - announced.get(m.group(1))) / 1e6);
            }
            lastReceipt.set(now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        try (BenchNode es = new BenchNode("512m")) {
            ArticleIndex index = new ArticleIndex(es.connection.client(), "bench-alerts");
            index.ensureExists();
            AnnotationConfigApplicationContext context = alerts(index, es.connection.client());

            QueryGenerator queries = new QueryGenerator(42);
            List<String> texts = new ArrayList<>();
            SubscriptionRepository repository = context.getBean(SubscriptionRepository.class);
            for (int i = 0; i < subscriptions; i++) {
                String q = queries.next();
                texts.add(q);
                repository.insert(
                        "analyst" + (i % 500),
                        SubscriptionDefinition.builder()
                                .name("s" + i)
                                .query(q)
                                .frequency("instant")
                                .channels(List.of(ChannelDefinition.webhook(hook, null, false)))
                                .spikeAlerts(false)
                                .paused(false)
                                .build()
                                .validate(true),
                        null);
            }
            long loadStart = System.nanoTime();
            context.getBean(InstantMatcher.class).refreshIfChanged();
            double loadMs = (System.nanoTime() - loadStart) / 1e6;

            CorpusGenerator corpus = CorpusGenerator.standard(rate * seconds, Instant.now());
            Classifier classifier = Classifier.defaults();
            List<Article> articles = new ArrayList<>();
            for (GeneratedArticle g : corpus.range(0, rate * seconds)) {
                articles.add(classifier.classify(Article.builder(g.source(), g.title(), g.body())
                        .url("https://wire.example" + g.path())
                        .publishedAt(g.publishedAt())
                        .language("en")
                        .build()));
            }

            // as the crawler publishes: in the transaction that records its pages (here, with nothing else in it)
            org.springframework.transaction.support.TransactionTemplate transactions =
                    new org.springframework.transaction.support.TransactionTemplate(
                            context.getBean(PlatformTransactionManager.class));
            double[] matchMs = new double[articles.size()];
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            for (int i = 0; i < articles.size(); i++) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                Article article = articles.get(i);
                long t = System.nanoTime();
                announced.put(article.id(), t);
                transactions.executeWithoutResult(
                        tx -> context.publishEvent(new ArticleIndexed(article, ArticleIndexed.Change.NEW)));
                matchMs[i] = (System.nanoTime() - t) / 1e6;
            }
            double streamSeconds = (System.nanoTime() - start) / 1e9;
            while (System.nanoTime() - lastReceipt.get() < 10_000_000_000L) {
                Thread.sleep(500);
            }
            long deliveries = context.getBean(JdbcClient.class)
                    .sql("select count(*) from alert_delivery")
                    .query(Long.class)
                    .single();
            long sent = context.getBean(JdbcClient.class)
                    .sql("select count(*) from alert_delivery where status = 'SENT'")
                    .query(Long.class)
                    .single();

            // baseline: each query run on the article on its own, in a one-document index
            List<Query> parsed = texts.stream().map(SubscriptionQuery::parse).toList();
            int sample = Math.min(50, articles.size());
            double[] bruteMs = new double[sample];
            long bruteHits = 0;
            for (int i = 0; i < sample; i++) {
                Article a = articles.get(i);
                long t = System.nanoTime();
                MemoryIndex doc = new MemoryIndex();
                doc.addField(SubscriptionQuery.TITLE, a.title(), SubscriptionQuery.ANALYZER);
                doc.addField(SubscriptionQuery.BODY, a.body(), SubscriptionQuery.ANALYZER);
                doc.addField(SubscriptionQuery.SOURCE_TEXT, a.source(), SubscriptionQuery.ANALYZER);
                doc.addField("source", a.source(), SubscriptionQuery.ANALYZER);
                int hits = 0;
                for (Query q : parsed) {
                    hits += doc.search(q) > 0 ? 1 : 0;
                }
                bruteMs[i] = (System.nanoTime() - t) / 1e6;
                bruteHits += hits;
            }
            context.close();

            LatencyStats match = LatencyStats.of(matchMs);
            LatencyStats brute = LatencyStats.of(bruteMs);
            LatencyStats delivery = LatencyStats.of(
                    latencies.stream().mapToDouble(Double::doubleValue).toArray());
            double meanMatch = java.util.Arrays.stream(matchMs).average().orElse(0);
            double meanBrute = java.util.Arrays.stream(bruteMs).average().orElse(0);
            System.out.printf(
                    "%n## Alert matching: %,d subscriptions, %d articles/s for %d s (%d cores, max heap %d MB)%n%n",
                    subscriptions,
                    rate,
                    seconds,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println(LatencyStats.header());
            System.out.println(match.row("match + record one article (monitor)"));
            System.out.println(brute.row("baseline: every query run on the article"));
            System.out.println(delivery.row("indexed event → webhook receipt"));
            System.out.printf(
                    "%nmonitor load of %,d queries: %.0f ms; stream took %.1f s for %,d articles (offered %d/s)%n",
                    subscriptions, loadMs, streamSeconds, articles.size(), rate);
            System.out.printf(
                    "matching throughput: %,.0f articles/s (monitor) vs %,.0f articles/s (baseline), ratio %.1f%n",
                    1000 / meanMatch, 1000 / meanBrute, meanBrute / meanMatch);
            System.out.printf(
                    "deliveries: %,d planned, %,d sent, %,d received; %.1f matching subscriptions per article"
                            + " (baseline sample: %.1f)%n",
                    deliveries,
                    sent,
                    delivery.count(),
                    deliveries / (double) articles.size(),
                    bruteHits / (double) sample);
        } finally {
            receiver.stop(0);
            System.exit(0);
        }
    }

    private static AnnotationConfigApplicationContext alerts(ArticleIndex index, ElasticsearchClient client) {
        DataSource dataSource = BenchDatabase.migrated("alertsbench", "classpath:db/migration");
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "bench",
                        Map.of(
                                "outpost.alerts.public-url", "https://outpost.example",
                                "outpost.alerts.allow-private-webhooks", "true",
                                "outpost.alerts.storm-threshold", "1000000")));
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        // as in the app: the matcher listens after the publishing transaction commits
        context.registerBean(org.springframework.transaction.event.TransactionalEventListenerFactory.class);
        context.registerBean(ArticleIndex.class, () -> index);
        context.registerBean(ArticleSearch.class, () -> new ArticleSearch(client, index.alias()));
        context.registerBean(ArticleStats.class, () -> new ArticleStats(client, index.alias()));
        context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        context.register(AlertsConfiguration.class);
        context.refresh();
        return context;
    }
}
