package org.outpost.dashboard;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.outpost.dashboard.ui.Loading;
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
 * installs it as {@link SecurityContextHolder}'s static strategy when it starts
 * ({@code SpringSecurityAutoConfiguration}), so the context started last wins.
 * {@code @WithMockUser} writes the user into the strategy bean of the test's own context
 * ({@code WithSecurityContextTestExecutionListener} asks the context for it), while the
 * browserless request reads the principal through the static {@link SecurityContextHolder}.
 * With a second context (these tests once had their own, {@code webEnvironment = MOCK}) which
 * strategy the request read depended on which context had started last, so on class order:
 * in alphabetical order every one of them ended on the login view.
 */
@WithMockUser(
        username = "admin",
        roles = {"ADMIN", "ANALYST"})
public abstract class ViewTest extends SpringBrowserlessTest implements OutpostApp {

    @Autowired
    private SecurityContextHolderStrategy contextStrategy;

    @Autowired
    private org.outpost.dashboard.user.UserLanguages readerLanguages;

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

    /** The signed-in admin reads the next pages in {@code locale}, as if chosen with the header's switch. */
    protected void readIn(java.util.Locale locale) {
        readerLanguages.choose("admin", locale);
        VaadinSession.getCurrent().setLocale(locale);
    }

    /** The admin of the shared test app reads English in every other test. */
    @AfterEach
    void backToEnglish() {
        readerLanguages.choose("admin", null);
        VaadinSession.getCurrent().setLocale(org.outpost.dashboard.user.UserLanguages.ENGLISH);
    }

    /** Opens a view with query parameters ({@code ?range=30d}), as a shared link or a drill-down would. */
    protected <T extends Component> T open(Class<T> view, Map<String, String> query) {
        return open(view, RouteParameters.empty(), query);
    }

    protected <T extends Component> T open(Class<T> view, RouteParameters route, Map<String, String> query) {
        UI.getCurrent().navigate(view, route, QueryParameters.simple(query));
        HasElement current = getCurrentView();
        if (!view.isInstance(current)) {
            throw new AssertionError("expected " + view.getSimpleName() + " but the UI shows "
                    + current.getClass().getSimpleName());
        }
        return view.cast(current);
    }

    /**
     * Lets the views' background loads finish and draws their results, as the push after them
     * would: the test thread holds the session's lock, so their {@code UI.access} waits in the
     * session's queue until then.
     */
    protected static void settle(Loading... loads) {
        for (Loading load : loads) {
            try {
                load.pending().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a background load did not finish", e);
            }
        }
        runQueuedUiTasks();
    }

    /**
     * Runs what other threads queued with {@code UI.access} while this thread held the lock.
     * (The browserless {@code roundTrip()} does not: it only collects the UI's changes.)
     */
    protected static void runQueuedUiTasks() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    /**
     * The addresses the page wrote into the address bar without navigating ({@code History.replaceState}),
     * oldest first: what a reader would bookmark or share. Reading them hands them over as sent.
     */
    protected static List<String> addressBar() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(js -> js.getExpression().contains("replaceState")
                        || js.getExpression().contains("replace: true"))
                .map(js -> String.valueOf(js.getParameters().get(1)))
                .toList();
    }

    /** What the browser of this tab reports about itself, as Vaadin would receive it: here, its time zone. */
    protected static void browserTimeZone(String zoneId) {
        ExtendedClientDetails.updateFromValues(
                UI.getCurrent(),
                Map.of(
                        "v-sw", "1280", "v-sh", "900", "v-ww", "1280", "v-wh", "900", "v-bw", "1280", "v-bh", "900",
                        "v-tzid", zoneId)::get);
    }
}
