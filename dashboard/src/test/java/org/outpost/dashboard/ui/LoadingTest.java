package org.outpost.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

class LoadingTest extends ViewTest {

    private final List<String> drawn = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void aLoad_showsProgressUntilItsResultIsDrawn() {
        Loading loading = new Loading("test");
        CountDownLatch release = new CountDownLatch(1);

        loading.load(UI.getCurrent(), () -> await(release, "result"), drawn::add, e -> failures.add(e.getMessage()));
        settleWithin(100);

        assertThat(loading.isLoading()).isTrue();
        assertThat(drawn).isEmpty();

        release.countDown();
        settle(loading);

        assertThat(loading.isLoading()).isFalse();
        assertThat(drawn).containsExactly("result");
    }

    @Test
    void anOlderLoadFinishingLast_isNotDrawnOverTheNewerOne() {
        Loading loading = new Loading("test");
        CountDownLatch slow = new CountDownLatch(1);
        loading.load(UI.getCurrent(), () -> await(slow, "older"), drawn::add, e -> failures.add(e.getMessage()));
        var older = loading.pending();

        loading.load(UI.getCurrent(), () -> "newer", drawn::add, e -> failures.add(e.getMessage()));
        settle(loading);
        slow.countDown();
        older.join();
        runQueuedUiTasks();

        assertThat(drawn).containsExactly("newer");
        assertThat(loading.isLoading()).isFalse();
    }

    @Test
    void aFailure_reachesTheViewAndEndsTheProgress() {
        Loading loading = new Loading("test");

        loading.<String>load(
                UI.getCurrent(),
                () -> {
                    throw new IllegalStateException("index away");
                },
                drawn::add,
                e -> failures.add(e.getMessage()));
        settle(loading);

        assertThat(failures).containsExactly("index away");
        assertThat(loading.isLoading()).isFalse();
    }

    @Test
    void aCancelledLoad_drawsNothing() {
        Loading loading = new Loading("test");

        loading.load(UI.getCurrent(), () -> "stale", drawn::add, e -> failures.add(e.getMessage()));
        loading.cancel();
        settle(loading);

        assertThat(drawn).isEmpty();
        assertThat(loading.isLoading()).isFalse();
    }

    private static String await(CountDownLatch latch, String result) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Gives a load that should still be waiting the chance to (wrongly) finish. */
    private static void settleWithin(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runQueuedUiTasks();
    }
}
