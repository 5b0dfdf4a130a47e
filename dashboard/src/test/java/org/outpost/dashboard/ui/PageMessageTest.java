package org.outpost.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.IndexUnavailableException;

class PageMessageTest {

    @Test
    void anIndexThatIsDown_isSaidAsAnError() {
        PageMessage message = new PageMessage("overview-message");
        message.setVisible(false);

        message.failed(new IndexUnavailableException("connection refused", new IOException()));

        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("The article index is not answering (connection refused)");
        assertThat(message.getClassNames()).containsExactlyInAnyOrder("overview-message", "error");
    }

    @Test
    void anyOtherFailure_goesOnToTheErrorHandler() {
        PageMessage message = new PageMessage("topic-message");

        assertThatThrownBy(() -> message.failed(new IllegalStateException("a bug")))
                .hasMessage("a bug");
        assertThat(message.getText()).isEmpty();
    }

    @Test
    void aHint_afterAnError_isNoLongerMarkedAsOne() {
        PageMessage message = new PageMessage("overview-message");
        message.show("down", true);

        message.show("Choose the first and last day", false);

        assertThat(message.getClassNames()).containsExactly("overview-message");
    }
}
