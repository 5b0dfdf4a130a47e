package org.outpost.dashboard;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Server-side view tests (Vaadin browserless): the views of the real application, with its
 * services, database and Elasticsearch node, driven without a browser, signed in as an admin.
 * They run in the same application context as the API and browser tests ({@link OutpostApp}),
 * so they see the same data: assert on what a test set up or on relations between numbers,
 * never on totals that depend on which tests ran before.
 *
 * <p>Why one context matters: every Spring context with Vaadin's security defines its own
 * {@code VaadinAwareSecurityContextHolderStrategy} bean (each with its own thread-local) and
 * installs it as {@link SecurityContextHolder}'s static strategy when it starts, so the context
 * started last wins. {@code @WithMockUser} writes the user into the strategy bean of the test's
 * own context, while the browserless request reads the principal through the static
 * {@link SecurityContextHolder}. With a second context (these tests once had their own, with
 * {@code webEnvironment = MOCK}) the two were different objects whenever the other context had
 * started later, navigation saw nobody signed in and every test ended on the login view.
 */
@WithMockUser(username = "admin", roles = {"ADMIN", "ANALYST"})
public abstract class ViewTest extends SpringBrowserlessTest implements OutpostApp {

    @Autowired
    private SecurityContextHolderStrategy contextStrategy;

    /**
     * A no-op while this context's strategy is the static one; should another context ever be
     * started in the test JVM, the user still reaches the strategy the browserless request reads
     * (the navigation that {@code navigate(...)} does next checks access again).
     */
    @BeforeEach
    void signIn() {
        if (SecurityContextHolder.getContextHolderStrategy() != contextStrategy) {
            SecurityContextHolder.setContext(contextStrategy.getContext());
        }
    }

    /** Nothing of the mock user stays on this thread for the tests that run after. */
    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        contextStrategy.clearContext();
    }
}
