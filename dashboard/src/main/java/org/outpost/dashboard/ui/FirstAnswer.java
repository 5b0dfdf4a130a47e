package org.outpost.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Lets a page's first answer carry the background loads that finish quickly. A {@link Loading} hands its result to
 * the UI with {@link UI#access}; while the request that started it still holds the session, that only queues the
 * drawing, which Vaadin would then push in a message of its own after the answer. The browser then waits a push
 * round trip and applies two messages instead of one. Here the request waits a short while for the loads (a cached
 * count answers in a few milliseconds) and runs the queued drawings itself, so they go out in its own answer; a
 * load still running after the wait keeps its progress bar and arrives by push as before.
 */
@Component
public class FirstAnswer {

    private final Duration wait;

    FirstAnswer(ViewProperties properties) {
        this.wait = properties.firstAnswerWait();
    }

    /** Waits up to {@code outpost.dashboard.first-answer-wait} for the loads, then draws what finished. */
    public void include(UI ui, Loading... loads) {
        VaadinSession session = ui.getSession();
        if (wait.isZero() || wait.isNegative() || session == null || !session.hasLock()) {
            return;
        }
        CompletableFuture<?>[] pending =
                Arrays.stream(loads).map(Loading::pending).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the slower loads come by push; the finished ones are drawn below
        } catch (ExecutionException e) {
            // a load's failure is handed to its own handler like its result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        session.getService().runPendingAccessTasks(session);
    }
}
