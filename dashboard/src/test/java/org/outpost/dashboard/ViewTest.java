package org.outpost.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Server-side view tests (Vaadin browserless): the views of the real application, with its
 * services, database and Elasticsearch node, driven without a browser, signed in as an admin.
 * Their own data folder and index, so they do not disturb the end-to-end tests' app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithMockUser(username = "admin", roles = {"ADMIN", "ANALYST"})
public abstract class ViewTest extends SpringBrowserlessTest {

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void outpost(DynamicPropertyRegistry registry) {
        registry.add("outpost.data-dir", DATA_DIR::toString);
        registry.add("outpost.elasticsearch.url", () -> TestElasticsearch.node().httpUri().toString());
        registry.add("outpost.elasticsearch.index-alias", () -> "view-test-articles");
        registry.add("outpost.admin.password", () -> OutpostAppTest.ADMIN_PASSWORD);
        registry.add("outpost.crawler.scheduler", () -> "false");
    }

    /**
     * Vaadin keeps the signed-in user in the HTTP session (its security context strategy reads
     * it from there whenever a Vaadin session is current), so the mock user goes there too.
     */
    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.test.context.TestSecurityContextHolder.getContext()
                .getAuthentication());
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(
                    org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    context);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("outpost-view-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
