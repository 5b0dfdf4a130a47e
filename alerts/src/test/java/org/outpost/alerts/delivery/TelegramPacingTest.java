package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.FakeBotApi;
import org.outpost.alerts.MutableClock;
import org.outpost.alerts.subscription.Channel;

/**
 * The Telegram sender against the local Bot API, its waits made on a test clock: the pause
 * moves the clock by what the sender asked to wait, so spacing is read off the clock, not timed.
 */
class TelegramPacingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final FakeBotApi bot = new FakeBotApi(clock);
    private final List<Duration> pauses = new ArrayList<>();

    @AfterEach
    void stop() {
        bot.close();
    }

    private TelegramSender sender(Duration chatInterval, Duration groupInterval) {
        TelegramProperties properties = new TelegramProperties(
                FakeBotApi.TOKEN,
                URI.create(bot.url()),
                chatInterval,
                groupInterval,
                25,
                Duration.ofSeconds(10),
                4,
                null);
        return new TelegramSender(properties, owner -> Locale.ENGLISH, clock, d -> {
            pauses.add(d);
            clock.advance(d);
        });
    }

    private static Delivery delivery(long id) {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        return new Delivery(
                id,
                1,
                "Border",
                "aziza",
                "telegram:x",
                DeliveryKind.GROUPED,
                "Border",
                null,
                DeliveryStatus.SENDING,
                0,
                t,
                null,
                t,
                null,
                null,
                List.of());
    }

    private static Message message(String... parts) {
        return new Message("s", "t", "h", Map.of(), "slack", List.of(parts), Map.of());
    }

    @Test
    void messagesToOneGroupAreSpacedByTheGroupIntervalAndToAPrivateChatByTheChatInterval() throws Exception {
        TelegramSender sender = sender(Duration.ofSeconds(1), Duration.ofSeconds(3));
        sender.send(delivery(1), new Channel.Telegram("-100200"), message("one", "two", "three"));
        sender.send(delivery(2), new Channel.Telegram("77"), message("a", "b"));

        List<FakeBotApi.Sent> sent = bot.sent();
        assertThat(sent).extracting(FakeBotApi.Sent::text).containsExactly("one", "two", "three", "a", "b");
        assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(Duration.between(sent.get(1).at(), sent.get(2).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(Duration.between(sent.get(3).at(), sent.get(4).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(sent.get(2).at(), sent.get(3).at()))
                .as("another chat need not wait for the group's interval")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aShortRetryAfterIsWaitedOutAndThePartSentOnce() throws Exception {
        TelegramSender sender = sender(Duration.ZERO, Duration.ZERO);
        bot.queue(FakeBotApi.Answer.tooManyRequests(4));
        sender.send(delivery(1), new Channel.Telegram("77"), message("only"));

        assertThat(bot.calls()).isEqualTo(2);
        assertThat(bot.sent()).extracting(FakeBotApi.Sent::text).containsExactly("only");
        assertThat(pauses).contains(Duration.ofSeconds(4));
        assertThat(bot.sent().getFirst().at()).isAfterOrEqualTo(Instant.parse("2026-11-20T10:00:04Z"));
    }

    @Test
    void whenALaterPartIsPutBackThePartsTelegramAcceptedAreNotSentAgain() throws Exception {
        TelegramSender sender = sender(Duration.ZERO, Duration.ZERO);
        bot.queue(new FakeBotApi.Answer(200, "{\"ok\":true}")); // first part
        bot.queue(FakeBotApi.Answer.tooManyRequests(60)); // second part: too long to wait here
        Message three = message("first", "second", "third");

        assertThatThrownBy(() -> sender.send(delivery(9), new Channel.Telegram("77"), three))
                .isInstanceOfSatisfying(
                        DeliveryException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        sender.send(delivery(9), new Channel.Telegram("77"), three);

        assertThat(bot.sent()).extracting(FakeBotApi.Sent::text).containsExactly("first", "second", "third");
        assertThat(bot.sent().get(1).at())
                .as("nothing to the chat before Telegram's time")
                .isAfterOrEqualTo(Instant.parse("2026-11-20T10:01:00Z"));
    }

    @Test
    void aGroupThatBecameASupergroupIsNamedWithItsNewChatId() {
        TelegramSender sender = sender(Duration.ZERO, Duration.ZERO);
        bot.queue(new FakeBotApi.Answer(
                400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a"
                        + " supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1009876543210}}"));

        assertThatThrownBy(() -> sender.send(delivery(3), new Channel.Telegram("-4242"), message("x")))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("the Telegram group became a supergroup with a new chat id:"
                        + " change the alert's Telegram chat to -1009876543210");
    }
}
