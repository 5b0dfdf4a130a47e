package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Telegram channel and the Teams webhook format, as a form or the API writes them. */
class ChannelKindsTest {

    private static SubscriptionDefinition with(ChannelDefinition channel) {
        return SubscriptionDefinition.builder()
                .name("Test")
                .query("drugs")
                .channels(List.of(channel))
                .build();
    }

    private static InvalidSubscriptionException invalid(SubscriptionDefinition d) {
        return (InvalidSubscriptionException) org.assertj.core.api.Assertions.catchThrowable(d::validate);
    }

    @Test
    void aTelegramChatIsANumberOrAPublicChannelsUsername() {
        assertThat(with(ChannelDefinition.telegram(" -1001234567890 "))
                        .validate()
                        .channels())
                .containsExactly(new Channel.Telegram("-1001234567890"));
        assertThat(with(ChannelDefinition.telegram("@outpost_alerts"))
                        .validate()
                        .channels())
                .containsExactly(new Channel.Telegram("@outpost_alerts"));
        assertThat(new Channel.Telegram("42").key()).isEqualTo("telegram:42");

        InvalidSubscriptionException missing = invalid(with(ChannelDefinition.telegram("")));
        assertThat(missing.field()).isEqualTo("channels[0].chatId");
        InvalidSubscriptionException bad = invalid(with(ChannelDefinition.telegram("https://t.me/somebody")));
        assertThat(bad.field()).isEqualTo("channels[0].chatId");
        assertThat(bad.getMessage()).contains("is no Telegram chat id");
    }

    @Test
    void aWebhookPostsTeamsFormatOrSlacksButNotBoth() {
        Channel teams = with(ChannelDefinition.teams("https://example.webhook.office.com/webhookb2/x", null))
                .validate()
                .channels()
                .getFirst();
        assertThat(teams).isInstanceOfSatisfying(Channel.Webhook.class, w -> {
            assertThat(w.teams()).isTrue();
            assertThat(w.slack()).isFalse();
        });
        assertThat(ChannelDefinition.of(teams).teams()).isTrue();

        InvalidSubscriptionException both = invalid(
                with(new ChannelDefinition("webhook", null, "https://hooks.example.org/x", null, true, true, null)));
        assertThat(both.field()).isEqualTo("channels[0].teams");
    }
}
