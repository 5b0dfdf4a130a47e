package org.outpost.alerts.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.springframework.modulith.NamedInterface;

/** A stored subscription. */
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
        @Nullable FirstSeen firstSeen) {

    /** Whether messages go out now: not paused and not muted at {@code now}. */
    public boolean isActive(Instant now) {
        return !paused && (mutedUntil == null || !mutedUntil.isAfter(now));
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
                .firstSeenTypes(firstSeen == null ? null : firstSeen.typeKeys())
                .firstSeenDays(firstSeen == null ? null : firstSeen.days())
                .firstSeenSources(firstSeen == null ? null : firstSeen.sources())
                .build();
    }
}
