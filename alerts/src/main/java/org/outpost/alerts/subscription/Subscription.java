package org.outpost.alerts.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.QuietHours;
import org.outpost.core.index.ArticleQuery;
import org.springframework.modulith.NamedInterface;

/**
 * A stored subscription.
 *
 * @param quietMode whose quiet hours hold its messages
 * @param quietStart its own quiet window's start (kept when another mode is chosen, for the form)
 * @param quietEnd its own quiet window's end
 * @param quietWeekends whether its own quiet hours take the weekends whole
 * @param urgent sent at once, quiet hours or not
 */
@NamedInterface("subscription")
public record Subscription(
        long id,
        String owner,
        String name,
        String query,
        ArticleQuery.Filters filters,
        Frequency frequency,
        LocalTime time,
        DayOfWeek day,
        ZoneId zone,
        List<Channel> channels,
        boolean spikeAlerts,
        boolean paused,
        @Nullable Instant mutedUntil,
        @Nullable Instant nextDigestAt,
        @Nullable Instant lastSpikeAt,
        Instant createdAt,
        Instant updatedAt,
        QuietMode quietMode,
        @Nullable LocalTime quietStart,
        @Nullable LocalTime quietEnd,
        boolean quietWeekends,
        boolean urgent,
        SpikeSensitivity spikeSensitivity,
        boolean spikeByEntity,
        @Nullable FirstSeen firstSeen) {

    /** Whether messages go out now: not paused and not muted at {@code now}. */
    public boolean isActive(Instant now) {
        return !paused && (mutedUntil == null || !mutedUntil.isAfter(now));
    }

    /** Its own quiet window, in its time zone, when it has one ({@link QuietMode#OWN}). */
    public java.util.Optional<QuietHours> ownQuietHours() {
        return quietMode == QuietMode.OWN && quietStart != null && quietEnd != null
                ? java.util.Optional.of(new QuietHours(quietStart, quietEnd, quietWeekends, zone))
                : java.util.Optional.empty();
    }

    public DigestSchedule digestSchedule() {
        return new DigestSchedule(frequency, time, day, zone);
    }

    public SubscriptionDefinition toDefinition() {
        return SubscriptionDefinition.builder()
                .name(name)
                .query(query)
                .topics(filters.topics())
                .sources(filters.sources())
                .entities(filters.entities())
                .languages(filters.languages())
                .frequency(frequency.key())
                .time(time.toString())
                .day(day.name().toLowerCase(java.util.Locale.ROOT))
                .timezone(zone.getId())
                .channels(channels.stream().map(ChannelDefinition::of).toList())
                .spikeAlerts(spikeAlerts)
                .paused(paused)
                .mutedUntil(mutedUntil)
                .quietHours(quietMode.key())
                .quietStart(quietStart == null ? null : quietStart.toString())
                .quietEnd(quietEnd == null ? null : quietEnd.toString())
                .quietWeekends(quietWeekends)
                .urgent(urgent)
                .spikeSensitivity(spikeSensitivity.key())
                .spikeByEntity(spikeByEntity)
                .firstSeenTypes(firstSeen == null ? null : firstSeen.typeKeys())
                .firstSeenDays(firstSeen == null ? null : firstSeen.days())
                .firstSeenSources(firstSeen == null ? null : firstSeen.sources())
                .build();
    }
}
