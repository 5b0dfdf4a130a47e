package org.outpost.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

/**
 * The test thread holds the session's lock as a request does, so a load's {@code UI.access} waits in the session's
 * queue: drawn in the answer only if {@link FirstAnswer} runs it, else by the push after the answer ({@code
 * settle}).
 */
class FirstAnswerTest extends ViewTest {

    private final List<String> drawn = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void loadsFinishedWithinTheWait_areDrawnInTheAnswerItself() {
        Loading counts = new Loading("counts");
        Loading map = new Loading("map");
        counts.load(UI.getCurrent(), () -> "counts", drawn::add, e -> failures.add(e.getMessage()));
        map.load(UI.getCurrent(), () -> "map", drawn::add, e -> failures.add(e.getMessage()));

        within(Duration.ofSeconds(30)).include(UI.getCurrent(), counts, map);

        assertThat(drawn).containsExactlyInAnyOrder("counts", "map");
        assertThat(counts.isLoading()).isFalse();
        assertThat(map.isLoading()).isFalse();
    }

    @Test
    void aLoadStillRunningAfterTheWait_keepsItsProgressAndArrivesLater_whileAQuickOneIsDrawnAtOnce() {
        Loading quick = new Loading("quick");
        Loading slow = new Loading("slow");
        CountDownLatch release = new CountDownLatch(1);
        quick.load(UI.getCurrent(), () -> "quick", drawn::add, e -> failures.add(e.getMessage()));
        slow.load(UI.getCurrent(), () -> await(release, "slow"), drawn::add, e -> failures.add(e.getMessage()));
        quick.pending().join(); // so the quick one is surely done when the short wait ends

        within(Duration.ofMillis(50)).include(UI.getCurrent(), quick, slow);

        assertThat(drawn).containsExactly("quick");
        assertThat(slow.isLoading()).isTrue();
        release.countDown();
        settle(slow);
        assertThat(drawn).containsExactly("quick", "slow");
    }

    @Test
    void aFailureWithinTheWait_reachesTheViewInTheAnswer() {
        Loading loading = new Loading("counts");
        loading.<String>load(
                UI.getCurrent(),
                () -> {
                    throw new IllegalStateException("index away");
                },
                drawn::add,
                e -> failures.add(e.getMessage()));

        within(Duration.ofSeconds(30)).include(UI.getCurrent(), loading);

        assertThat(failures).containsExactly("index away");
        assertThat(loading.isLoading()).isFalse();
    }

    @Test
    void noWait_leavesEveryResultToThePush() {
        Loading loading = new Loading("counts");
        loading.load(UI.getCurrent(), () -> "counts", drawn::add, e -> failures.add(e.getMessage()));
        loading.pending().join();

        within(Duration.ZERO).include(UI.getCurrent(), loading);

        assertThat(drawn).isEmpty();
        assertThat(loading.isLoading()).isTrue();
        settle(loading);
        assertThat(drawn).containsExactly("counts");
    }

    private static FirstAnswer within(Duration wait) {
        return new FirstAnswer(new ViewProperties(wait));
    }

    private static String await(CountDownLatch latch, String result) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
