package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanoutTest {

    @Test
    void requestsStartedTogetherRunAtTheSameTime() {
        // each request waits for the other: run one after the other, they would both time out
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        var first = Fanout.start(() -> awaitOther(bothInFlight, "first"));
        var second = Fanout.start(() -> awaitOther(bothInFlight, "second"));

        assertThat(Fanout.join(first)).isEqualTo("first");
        assertThat(Fanout.join(second)).isEqualTo("second");
    }

    @Test
    void aFailedRequestThrowsItsOwnExceptionNotAWrapper() {
        var failed = Fanout.start(() -> {
            throw new IndexUnavailableException("Could not count articles: node down", new RuntimeException("refused"));
        });

        assertThatThrownBy(() -> Fanout.join(failed))
                .isExactlyInstanceOf(IndexUnavailableException.class)
                .hasMessage("Could not count articles: node down");
    }

    private static String awaitOther(CyclicBarrier barrier, String answer) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException("the other request never ran alongside", e);
        }
    }
}
