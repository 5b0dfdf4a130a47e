package org.outpost.alerts.delivery;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Telegram settings ({@code outpost.alerts.telegram.*}).
 *
 * @param botToken the token BotFather gave Outpost's bot; a secret, set in the environment
 *        ({@code OUTPOST_ALERTS_TELEGRAM_BOT_TOKEN}), never in a file of the repository. Unset:
 *        Telegram deliveries fail saying so (and are retried, so nothing is lost once it is set)
 * @param apiUrl the Bot API's base URL (a local Bot API server, or a test's fake)
 * @param chatInterval least time between two messages to one private chat (Telegram: about one a second)
 * @param groupInterval least time between two messages to one group or channel (Telegram: 20 a minute)
 * @param perSecond messages per second to all chats at most (Telegram: about 30)
 * @param maxWait a 429's {@code retry_after} up to this long is waited out by the sending thread;
 *        a longer one puts the delivery back until then
 * @param maxParts a grouped message or digest longer than one Telegram message (4096 characters)
 *        is sent as at most this many; the rest is named by a link to Outpost
 * @param deadline the whole of one Bot API call must end within this
 */
@ConfigurationProperties("outpost.alerts.telegram")
public record TelegramProperties(
        @Nullable String botToken,
        @Nullable URI apiUrl,
        @Nullable Duration chatInterval,
        @Nullable Duration groupInterval,
        @Nullable Integer perSecond,
        @Nullable Duration maxWait,
        @Nullable Integer maxParts,
        @Nullable Duration deadline) {

    public TelegramProperties {
        botToken = botToken == null || botToken.isBlank() ? null : botToken.strip();
        apiUrl = apiUrl == null ? URI.create("https://api.telegram.org") : apiUrl;
        chatInterval = chatInterval == null ? Duration.ofSeconds(1) : chatInterval;
        groupInterval = groupInterval == null ? Duration.ofSeconds(3) : groupInterval;
        perSecond = perSecond == null ? 25 : Math.max(1, perSecond);
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        maxParts = maxParts == null ? 4 : Math.max(1, maxParts);
        deadline = deadline == null ? Duration.ofSeconds(15) : deadline;
    }

    /** Whether an admin has given Outpost a bot. */
    public boolean enabled() {
        return botToken != null;
    }

    @Override
    public String toString() {
        // the token is a secret: it never reaches a log through this record
        return "TelegramProperties[botToken=" + (botToken == null ? "unset" : "***") + ", apiUrl=" + apiUrl + "]";
    }
}
