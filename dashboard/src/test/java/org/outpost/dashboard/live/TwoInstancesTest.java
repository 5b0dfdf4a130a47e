package org.outpost.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.NotificationCreated;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.ModelTrainer;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.core.topic.learn.TrainingProgress;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.classify.RescoreService;
import org.outpost.dashboard.model.ModelRecord;
import org.outpost.dashboard.model.ModelState;
import org.outpost.dashboard.model.TopicModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app instances sharing one database and one Elasticsearch cluster: the test's app is
 * instance A; instance B is a second Spring context in this JVM with the live and re-scoring beans
 * of the app, on its own connections to the same database (by A's JDBC URL) and the same index.
 * What one instance does shows on the other's pages: new articles, notifications, topic reloads,
 * and the one re-scoring run of the deployment.
 */
@Tag("database")
class TwoInstancesTest extends OutpostAppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password}")
    String password;

    @Value("${local.server.port}")
    int port;

    @Autowired
    ArticleIndex index;

    @Autowired
    ArticleFeed feedOfA;

    @Autowired
    ApplicationEventPublisher publisherOfA;

    @Autowired
    LiveEvents liveOfA;

    @Autowired
    ClassifierService classifiersOfA;

    @Autowired
    TopicModels modelsOfA;

    AnnotationConfigApplicationContext b;

    @BeforeEach
    void startInstanceB() {
        b = new AnnotationConfigApplicationContext();
        b.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "instance-b",
                        Map.of(
                                "b.url", url,
                                "b.username", username,
                                "b.password", password,
                                "outpost.live.poll-interval", "200ms",
                                "outpost.classifier.topics-file", TOPICS_FILE.toString())));
        b.getBeanFactory().registerSingleton("articleIndex", index);
        b.register(InstanceB.class);
        b.refresh();
    }

    @AfterEach
    void stopInstanceB() {
        InstanceB.HELD_CLOCK.release();
        b.close();
    }

    @Test
    void aNotificationCreatedOnAIsPublishedOnBAsTheEventItsBellsListenTo() throws Exception {
        long deliveryId = System.nanoTime();
        // what the delivery planner announces once an in-app notification is stored
        publisherOfA.publishEvent(new NotificationCreated("live-reader", deliveryId));

        Captured seen = b.getBean(Captured.class);
        assertThat(seen.notifications.poll(PATIENCE)).contains(new NotificationCreated("live-reader", deliveryId));
        // B re-published it without recording it again: one row, A's
        assertThat(b.getBean(JdbcClient.class)
                        .sql("select origin from live_event where kind = 'NOTIFICATION' and ref = ?")
                        .param(Long.toString(deliveryId))
                        .query(String.class)
                        .list())
                .containsExactly(liveOfA.origin());
    }

    @Test
    void anArticleCrawledOnBReachesTheOpenPagesOfAOnceAndThoseOfBOnce() throws Exception {
        Article article = Article.builder(
                        "Live wire", "Border crossing reopened at Dusti", "The crossing at Dusti reopened today.")
                .url("https://live-test.example/" + System.nanoTime())
                .fetchedAt(Instant.now())
                .build();
        index.index(List.of(article));
        List<Article> onA = new CopyOnWriteArrayList<>();
        CountDownLatch reachedA = new CountDownLatch(1);
        Runnable unsubscribeA = feedOfA.subscribe(a -> {
            if (a.id().equals(article.id())) {
                onA.add(a);
                reachedA.countDown();
            }
        });
        List<Article> onB = new CopyOnWriteArrayList<>();
        Runnable unsubscribeB = b.getBean(ArticleFeed.class).subscribe(a -> {
            if (a.id().equals(article.id())) {
                onB.add(a);
            }
        });
        try {
            // what B's ingest does: publish the batch's events in the transaction that records the pages
            new TransactionTemplate(b.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(tx -> b.publishEvent(new ArticleIndexed(article, ArticleIndexed.Change.NEW)));

            assertThat(reachedA.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(onA).extracting(Article::title).containsExactly("Border crossing reopened at Dusti");
            // B polls past its own row without handing it to its pages a second time
            b.getBean(LivePoller.class).poll();
            assertThat(onB).hasSize(1);
        } finally {
            unsubscribeA.run();
            unsubscribeB.run();
        }
    }

    @Test
    void notificationsReadOnARecountTheBellsOnB() throws Exception {
        // what the Notifications view does on A when its user marks them read
        liveOfA.inboxChanged("live-reader");

        assertThat(b.getBean(Captured.class).inboxChanges.poll(PATIENCE))
                .contains(new InboxChangedElsewhere("live-reader"));
    }

    @Test
    void topicsReloadedOnAAreReloadedOnB() throws Exception {
        classifiersOfA.reload();

        assertThat(b.getBean(Captured.class).topicReloads.poll(PATIENCE))
                .contains(new TopicsReloadedElsewhere(liveOfA.origin()));
    }

    @Test
    void aModelSwitchedOnOnAIsReadFromTheDatabaseAndUsedOnB() throws Exception {
        Classifier classifier = classifiersOfA.current();
        LabelledSets sets = LabelledSets.shipped(classifier.topicDefinitions().ids());
        TopicModel model =
                new ModelTrainer(classifier.rules()).train(sets.training().subList(0, 70), TrainingProgress.NONE);
        QualityReport none = new QualityReport(Map.of());
        modelsOfA.storeCandidate(
                new ModelRecord(
                        model.version(),
                        Instant.now(),
                        "admin",
                        ModelState.CANDIDATE,
                        model.summary(),
                        none,
                        ModelRecord.SHIPPED,
                        none,
                        none,
                        0,
                        0,
                        null,
                        null,
                        null),
                model.format());
        ClassifierService classifiersOfB = b.getBean(ClassifierService.class);
        assertThat(classifiersOfB.current().model().version())
                .isEqualTo(TopicModel.shipped().version());
        try {
            assertThat(modelsOfA.activate(model.version(), ModelRecord.SHIPPED, "admin", Instant.now()))
                    .isTrue();
            classifiersOfA.use(model);

            assertThat(modelOn(classifiersOfB, model.version())).isEqualTo(model.version());
        } finally {
            modelsOfA.rollBack("admin", Instant.now());
            classifiersOfA.use(TopicModel.shipped());
        }
        assertThat(modelOn(classifiersOfB, TopicModel.shipped().version()))
                .isEqualTo(TopicModel.shipped().version());
    }

    /** The model B uses once it is {@code expected}, or when patience ran out. */
    private static String modelOn(ClassifierService classifiers, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String version = classifiers.current().model().version();
        while (!version.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            version = classifiers.current().model().version();
        }
        return version;
    }

    @Test
    void aRescoreStartedOnBRunsThereOnlyAndAShowsItsProgress() throws Exception {
        ApiClient api = ApiClient.admin(port);
        // B's run is held before it records its end, so it is surely running while A is asked
        InstanceB.HELD_CLOCK.hold();
        b.getBean(RescoreService.class).start();
        InstanceB.HELD_CLOCK.awaitHeld(PATIENCE);

        assertThat(json(api.get("/api/v1/admin/rescore")).path("state").asText())
                .isEqualTo("RUNNING");
        var refused = api.post("/api/v1/admin/rescore", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("message").asText()).contains("already running");

        InstanceB.HELD_CLOCK.release();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String state = "RUNNING";
        while (state.equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = json(api.get("/api/v1/admin/rescore")).path("state").asText();
        }
        assertThat(state).isEqualTo("FINISHED");
        var finished = json(api.get("/api/v1/admin/rescore"));
        assertThat(finished.path("processed").asLong()).isPositive();
        assertThat(finished.path("failed").asLong()).isZero();
    }

    /**
     * Instance B: the live and re-scoring beans of the app on their own connections to A's database.
     * Not a {@code @Configuration}: Spring's test support would take a nested one for the test app's.
     */
    @EnableTransactionManagement
    @ComponentScan(basePackageClasses = LiveEvents.class)
    @ComponentScan(
            basePackageClasses = RescoreService.class,
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = ".*\\.classify\\.(RescoreService|RescoreRuns|ClassifierService)"))
    @ComponentScan(
            basePackageClasses = TopicModels.class,
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.model\\.TopicModels"))
    @ConfigurationPropertiesScan(basePackageClasses = {LiveEvents.class, RescoreService.class})
    static class InstanceB {

        static final HeldClock HELD_CLOCK = new HeldClock();

        @Bean
        DataSource dataSource(
                @Value("${b.url}") String url,
                @Value("${b.username}") String username,
                @Value("${b.password}") String password) {
            return new DriverManagerDataSource(url, username, password);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Clock clock() {
            return HELD_CLOCK;
        }

        @Bean
        Captured captured() {
            return new Captured();
        }
    }

    /** What instance B's listeners received. */
    static class Captured {

        final Received<NotificationCreated> notifications = new Received<>();
        final Received<TopicsReloadedElsewhere> topicReloads = new Received<>();
        final Received<InboxChangedElsewhere> inboxChanges = new Received<>();

        @EventListener
        void on(InboxChangedElsewhere event) {
            inboxChanges.add(event);
        }

        @EventListener
        void on(NotificationCreated event) {
            notifications.add(event);
        }

        @EventListener
        void on(TopicsReloadedElsewhere event) {
            topicReloads.add(event);
        }
    }

    static final class Received<T> {

        private final java.util.concurrent.LinkedBlockingQueue<T> queue =
                new java.util.concurrent.LinkedBlockingQueue<>();

        void add(T event) {
            queue.add(event);
        }

        /** The first event, waiting for one at most {@code patience}. */
        java.util.Optional<T> poll(Duration patience) throws InterruptedException {
            return java.util.Optional.ofNullable(queue.poll(patience.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * The system clock, except that while held the re-scoring thread waits in it: the run reads the
     * time only to record its end, so a held run stays RUNNING (its heartbeat, on another thread,
     * goes on) until released.
     */
    static final class HeldClock extends Clock {

        private volatile CountDownLatch release = new CountDownLatch(0);
        private volatile CountDownLatch held = new CountDownLatch(1);

        void hold() {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitHeld(Duration patience) throws InterruptedException {
            assertThat(held.await(patience.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            release.countDown();
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread().getName().equals("outpost-rescore") && release.getCount() > 0) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
