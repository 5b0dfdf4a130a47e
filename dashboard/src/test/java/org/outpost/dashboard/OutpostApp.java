package org.outpost.dashboard;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.postgres.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, against the test run's Elasticsearch node and an H2
 * database in a fresh folder (or a PostgreSQL database, when {@code outpost.test.database} says so): the one application context of the test run. API, browser and
 * server-side view tests all implement this (through {@link OutpostAppTest} or {@link ViewTest}),
 * and nothing that would change the context (no {@code @MockitoBean}, {@code @TestPropertySource},
 * {@code @Import}), so Spring's context cache hands every one of them the same context.
 *
 * <p>An interface so that tests with different base classes can share it: Spring finds
 * {@code @SpringBootTest} and the static {@code @DynamicPropertySource} method on interfaces too,
 * and the cache key is then the same for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public interface OutpostApp {

    String ADMIN_PASSWORD = "test-admin-secret";
    /** The app's data folder (database, crawl state), new for each test run. */
    Path DATA_DIR = Folders.createDataDir();
    /** The bundled topics, as a deployment's own file that tests may edit (and must restore). */
    Path TOPICS_FILE = Folders.copyBundledTopics(DATA_DIR);
    /** The SMTP server the app sends alert and report email to. */
    GreenMail MAIL = Folders.startMail();

    @DynamicPropertySource
    static void outpost(DynamicPropertyRegistry registry) {
        registry.add("outpost.data-dir", DATA_DIR::toString);
        registry.add(
                "outpost.elasticsearch.url",
                () -> TestElasticsearch.node().httpUri().toString());
        registry.add("outpost.elasticsearch.index-alias", () -> "app-test-articles");
        registry.add("outpost.admin.password", () -> ADMIN_PASSWORD);
        registry.add("outpost.classifier.topics-file", TOPICS_FILE::toString);
        registry.add("outpost.crawler.per-host-delay", () -> "0s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // test receivers listen on loopback
        registry.add("outpost.alerts.allow-private-webhooks", () -> "true");
        // every test signs in from 127.0.0.1: the shared app must not lock that address for all of
        // them after a few tests' deliberate failures (SignInThrottleTest checks the address limit)
        registry.add("outpost.security.sign-in.address-failures", () -> "200");
        // tests write articles straight into the index, past the ingest that announces them to the dashboard's
        // caches, and then expect to see them: the shared app keeps no answers (the caches are tested on their
        // own, CachedAggregationsTest; the meters still count every request, as misses)
        registry.add("outpost.dashboard.cache.counts-lifetime", () -> "0s");
        registry.add("outpost.dashboard.cache.sources-lifetime", () -> "0s");
        registry.add("outpost.dashboard.cache.emerging-terms-lifetime", () -> "0s");
        if (TestDatabases.postgresql()) {
            // the build's PostgreSQL run (docs/database.md): the same app on a database of the
            // test cluster instead of H2 in the data folder; Flyway adds db/vendor/postgresql itself
            TestDatabases.Database database = TestDatabases.database("outpost-app");
            registry.add("spring.datasource.url", database::url);
            registry.add("spring.datasource.username", database::user);
            registry.add("spring.datasource.password", database::password);
        }
    }

    /** Interfaces have no private fields or initialisers; this holds what the constants need. */
    final class Folders {

        private Folders() {}

        static GreenMail startMail() {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
            return mail;
        }

        static Path createDataDir() {
            try {
                return Files.createTempDirectory("outpost-app-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Path copyBundledTopics(Path dataDir) {
            try (var in = org.outpost.core.topic.TopicDefinitions.class.getResourceAsStream("topics.yml")) {
                Path file = dataDir.resolve("topics.yml");
                Files.write(file, in.readAllBytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
