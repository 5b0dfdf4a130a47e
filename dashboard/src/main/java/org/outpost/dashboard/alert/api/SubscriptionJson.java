package org.outpost.dashboard.alert.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.alerts.subscription.Preview;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.core.index.ArticleHit;

/**
 * JSON shapes of the subscriptions API. Webhook secrets go in, never out; webhook URLs come out
 * masked (scheme, host, last four characters: a Slack URL is itself a secret), and a client that
 * sends a masked URL back keeps the stored one.
 */
final class SubscriptionJson {

    /** What a client sends back to keep a webhook's stored secret (omitting it does the same). */
    static final String SECRET_SET = "set";

    private SubscriptionJson() {}

    /** The body of POST, PUT and preview; missing optional fields take their defaults. */
    record Request(
            @Nullable String name,
            @Nullable String query,
            @Nullable Map<String, Double> topics,
            @Nullable List<String> sources,
            @Nullable List<String> entities,
            @Nullable List<String> languages,
            @Nullable String frequency,
            @Nullable String time,
            @Nullable String day,
            @Nullable String timezone,
            @Nullable List<ChannelDefinition> channels,
            @Nullable Boolean spikeAlerts,
            @Nullable Boolean paused,
            @Nullable Instant mutedUntil,
            @Nullable String quietHours,
            @Nullable String quietStart,
            @Nullable String quietEnd,
            @Nullable Boolean quietWeekends,
            @Nullable Boolean urgent,
            @Nullable String spikeSensitivity,
            @Nullable Boolean spikeByEntity,
            @Nullable List<String> firstSeenTypes,
            @Nullable Integer firstSeenDays,
            @Nullable Integer firstSeenSources) {

        /**
         * @param before the stored subscription on update: a webhook whose secret is omitted (or
         *        {@value #SECRET_SET}) keeps the secret stored for the same URL, so a client can
         *        PUT back what it read without knowing the secret
         */
        SubscriptionDefinition definition(@Nullable Subscription before) {
            return SubscriptionDefinition.builder()
                    .name(name)
                    .query(query)
                    .topics(topics)
                    .sources(sources)
                    .entities(entities)
                    .languages(languages)
                    .frequency(frequency)
                    .time(time)
                    .day(day)
                    .timezone(timezone)
                    .channels(
                            channels == null
                                    ? null
                                    : channels.stream()
                                            .map(c -> keepSecret(c, before))
                                            .toList())
                    .spikeAlerts(spikeAlerts)
                    .paused(paused)
                    .mutedUntil(mutedUntil)
                    .quietHours(quietHours)
                    .quietStart(quietStart)
                    .quietEnd(quietEnd)
                    .quietWeekends(quietWeekends)
                    .urgent(urgent)
                    .spikeSensitivity(spikeSensitivity)
                    .spikeByEntity(spikeByEntity)
                    .firstSeenTypes(firstSeenTypes)
                    .firstSeenDays(firstSeenDays)
                    .firstSeenSources(firstSeenSources)
                    .build();
        }

        /** Only what a preview looks at: query and filters (name and channel are placeholders). */
        SubscriptionDefinition previewDefinition() {
            return SubscriptionDefinition.builder()
                    .name("preview")
                    .query(query)
                    .topics(topics)
                    .sources(sources)
                    .entities(entities)
                    .languages(languages)
                    .channels(List.of(ChannelDefinition.inApp()))
                    .build();
        }

        private static @Nullable ChannelDefinition keepSecret(
                @Nullable ChannelDefinition c, @Nullable Subscription before) {
            if (c == null || c.url() == null) {
                return c;
            }
            String sent = c.url().strip();
            Channel.Webhook stored = before == null
                    ? null
                    : before.channels().stream()
                            .filter(ch -> ch instanceof Channel.Webhook w
                                    && (w.url().equals(sent) || w.masked().equals(sent)))
                            .map(ch -> (Channel.Webhook) ch)
                            .findFirst()
                            .orElse(null);
            if (stored == null) {
                return c;
            }
            boolean keepSecret = c.secret() == null || SECRET_SET.equals(c.secret());
            return new ChannelDefinition(
                    c.type(),
                    c.address(),
                    stored.url(),
                    keepSecret ? stored.secret() : c.secret(),
                    c.slack(),
                    c.teams(),
                    c.chatId());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelJson(
            String type,
            @Nullable String address,
            @Nullable String url,
            @Nullable String secret,
            @Nullable Boolean slack,
            @Nullable String confirmation,
            @Nullable Boolean teams,
            @Nullable String chatId) {

        /**
         * @param states where the owner's addresses stand: {@code confirmation} is "confirmed", or
         *        "waiting" until the recipient follows the link of the confirmation message
         */
        static ChannelJson of(Channel channel, Map<String, EmailConfirmations.State> states) {
            return switch (channel) {
                case Channel.Email e ->
                    new ChannelJson(
                            "email",
                            e.address(),
                            null,
                            null,
                            null,
                            states.get(e.address().toLowerCase(java.util.Locale.ROOT))
                                            == EmailConfirmations.State.CONFIRMED
                                    ? "confirmed"
                                    : "waiting",
                            null,
                            null);
                case Channel.Webhook w ->
                    new ChannelJson(
                            "webhook",
                            null,
                            w.masked(),
                            w.secret() == null ? null : SECRET_SET,
                            w.slack(),
                            null,
                            w.teams() ? true : null,
                            null);
                case Channel.Telegram t -> new ChannelJson("telegram", null, null, null, null, null, null, t.chatId());
                case Channel.InApp i -> new ChannelJson("inapp", null, null, null, null, null, null, null);
            };
        }
    }

    record LastDelivery(
            long id,
            String status,
            String channel,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String lastError) {

        static @Nullable LastDelivery of(@Nullable Delivery d) {
            return d == null
                    ? null
                    : new LastDelivery(
                            d.id(),
                            NotificationJson.key(d.status()),
                            d.channelType(),
                            d.createdAt(),
                            d.sentAt(),
                            d.lastError());
        }
    }

    record Response(
            long id,
            String name,
            String query,
            Map<String, Double> topics,
            List<String> sources,
            List<String> entities,
            List<String> languages,
            String frequency,
            String time,
            String day,
            String timezone,
            List<ChannelJson> channels,
            boolean spikeAlerts,
            boolean paused,
            @Nullable Instant mutedUntil,
            boolean active,
            @Nullable Instant nextDigestAt,
            Instant createdAt,
            Instant updatedAt,
            @Nullable LastDelivery lastDelivery,
            String quietHours,
            @Nullable String quietStart,
            @Nullable String quietEnd,
            boolean quietWeekends,
            boolean urgent,
            String spikeSensitivity,
            boolean spikeByEntity,
            List<String> firstSeenTypes,
            @Nullable Integer firstSeenDays,
            @Nullable Integer firstSeenSources) {

        static Response of(
                Subscription s, @Nullable Delivery last, Instant now, Map<String, EmailConfirmations.State> states) {
            List<ChannelJson> channels = new ArrayList<>();
            s.channels().forEach(c -> channels.add(ChannelJson.of(c, states)));
            return new Response(
                    s.id(),
                    s.name(),
                    s.query(),
                    s.filters().topics(),
                    s.filters().sources(),
                    s.filters().entities(),
                    s.filters().languages(),
                    s.frequency().key(),
                    s.time().toString(),
                    s.day().name().toLowerCase(java.util.Locale.ROOT),
                    s.zone().getId(),
                    channels,
                    s.spikeAlerts(),
                    s.paused(),
                    s.mutedUntil(),
                    s.isActive(now),
                    s.nextDigestAt(),
                    s.createdAt(),
                    s.updatedAt(),
                    LastDelivery.of(last),
                    s.quietMode().key(),
                    s.quietStart() == null ? null : s.quietStart().toString(),
                    s.quietEnd() == null ? null : s.quietEnd().toString(),
                    s.quietWeekends(),
                    s.urgent(),
                    s.spikeSensitivity().key(),
                    s.spikeByEntity(),
                    s.firstSeen() == null ? List.of() : s.firstSeen().typeKeys(),
                    s.firstSeen() == null ? null : s.firstSeen().days(),
                    s.firstSeen() == null ? null : s.firstSeen().sources());
        }
    }

    record Match(
            String id,
            String title,
            @Nullable String url,
            String source,
            @Nullable Instant publishedAt) {

        static Match of(ArticleHit hit) {
            var a = hit.article();
            return new Match(a.id(), a.title(), a.url(), a.source(), a.publishedAt());
        }
    }

    /** What the subscription would have matched: {@code lastWeek} and {@code lastMonth} counts, the newest matches. */
    record PreviewResponse(long lastWeek, long lastMonth, List<Match> latest) {

        static PreviewResponse of(Preview p) {
            return new PreviewResponse(
                    p.lastWeek(),
                    p.lastMonth(),
                    p.latest().stream().map(Match::of).toList());
        }
    }
}
