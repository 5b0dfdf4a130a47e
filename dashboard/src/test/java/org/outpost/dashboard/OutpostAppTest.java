package org.outpost.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, against the test run's Elasticsearch node and an H2
 * database in a fresh folder. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OutpostAppTest {

    public static final String ADMIN_PASSWORD = "test-admin-secret";
    private static final Path DATA_DIR = createDataDir();
    /** The SMTP server the app sends alert and report email to. */
    public static final GreenMail MAIL = startMail();
    /** The bundled topics, as a deployment's own file that tests may edit (and must restore). */
    public static final Path TOPICS_FILE = copyBundledTopics();

    @DynamicPropertySource
    static void outpost(DynamicPropertyRegistry registry) {
        registry.add("outpost.data-dir", DATA_DIR::toString);
        registry.add("outpost.elasticsearch.url", () -> TestElasticsearch.node().httpUri().toString());
        registry.add("outpost.elasticsearch.index-alias", () -> "app-test-articles");
        registry.add("outpost.admin.password", () -> ADMIN_PASSWORD);
        registry.add("outpost.classifier.topics-file", TOPICS_FILE::toString);
        registry.add("outpost.crawler.per-host-delay", () -> "0s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // test receivers listen on loopback
        registry.add("outpost.alerts.allow-private-webhooks", () -> "true");
    }

    private static Path copyBundledTopics() {
        try (var in = org.outpost.core.topic.TopicDefinitions.class.getResourceAsStream("topics.yml")) {
            Path file = DATA_DIR.resolve("topics.yml");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("outpost-app-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
