package org.outpost.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits on a bot, kept before it has to say 429: one message a second or so per private
 * chat, 20 a minute per group or channel, about 30 a second overall. {@link #reserve} books the
 * next free slot of a chat and says how long to wait for it; slots are booked in order, so two
 * threads sending to one chat are spaced as one would be. This instance's share only: several
 * instances share the bot's limits, and a 429 they cause is honoured by the sender.
 */
final class TelegramPace {

    private final TelegramProperties properties;
    private final Clock clock;
    private final Map<String, Instant> nextFree = new HashMap<>();
    /** The next slot of any chat: messages to all chats are spaced by a second over {@code perSecond}. */
    private Instant nextAny = Instant.MIN;

    TelegramPace(TelegramProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Books a message to {@code chatId}; returns how long to wait before sending it (zero: now). */
    synchronized Duration reserve(String chatId) {
        Instant now = clock.instant();
        Instant slot = latest(now, latest(nextAny, nextFree.getOrDefault(chatId, now)));
        nextAny = slot.plus(Duration.ofSeconds(1).dividedBy(properties.perSecond()));
        nextFree.put(chatId, slot.plus(interval(chatId)));
        if (nextFree.size() > 10_000) {
            nextFree.values().removeIf(free -> free.isBefore(now));
        }
        return Duration.between(now, slot);
    }

    /** Telegram asked to wait: nothing to this chat until then. */
    synchronized void hold(String chatId, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        nextFree.merge(chatId, until, TelegramPace::latest);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Groups and channels have negative ids or a public {@code @username}. */
    private Duration interval(String chatId) {
        return chatId.startsWith("-") || chatId.startsWith("@")
                ? properties.groupInterval()
                : properties.chatInterval();
    }
}
