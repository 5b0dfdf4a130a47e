package org.outpost.alerts.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.QueryLimits;
import org.outpost.core.language.Language;
import org.springframework.modulith.NamedInterface;

/**
 * A subscription as a user or the API writes it. {@link #validate()} names the first field at
 * fault, or gives the values Outpost stores.
 *
 * @param time local time of digests, {@code HH:mm} (default 08:00; hourly digests use its minute)
 * @param day weekday of weekly digests (default Monday)
 * @param timezone the subscriber's zone for digest times (default UTC)
 * @param spikeAlerts also tell when the volume of this query jumps above its trailing baseline
 * @param quietHours whose quiet hours hold this alert's messages: {@code user} (the owner's, the
 *        default), {@code none}, or {@code own} (the window below)
 * @param quietStart start of the alert's own quiet window, {@code HH:mm} in {@code timezone}
 * @param quietEnd end of the alert's own quiet window, {@code HH:mm} (before the start: past midnight)
 * @param quietWeekends whether the alert's own quiet hours also take Saturday and Sunday whole
 * @param urgent sent at once even in quiet hours
 * @param spikeSensitivity the spike alerts' preset: fewer, balanced (default) or more ({@link SpikeSensitivity})
 * @param spikeByEntity spike alerts for each entity of the entity filter on its own ("mentions of Vorukh")
 *     rather than for the subscription's whole volume
 * @param firstSeenTypes also tell when an entity of these types ({@code person}, {@code org},
 *     {@code group}, {@code place}) is first named in this subscription's articles: empty or null for no
 *     such alerts (see {@link FirstSeen})
 * @param firstSeenDays days an entity must not have been named before, to be new (default 90)
 * @param firstSeenSources distinct sources that must name it before it is told (default 2)
 */
@NamedInterface("subscription")
public record SubscriptionDefinition(
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

    public static final int MAX_QUERY = 4000;
    public static final int MAX_CHANNELS = 10;
    /** Values one filter list may hold (topics, sources, entities, languages), as Explore's filters. */
    public static final int MAX_FILTER_VALUES = ArticleQuery.Filters.MAX_VALUES;
    /** Longest value of a filter list. */
    public static final int MAX_FILTER_VALUE_LENGTH = ArticleQuery.Filters.MAX_VALUE_LENGTH;
    /** The filters are stored as one JSON text in a column of 8,000 characters; a margin for its punctuation. */
    static final int MAX_FILTERS_TEXT = 7_500;
    /** Longer URLs are no webhook a receiver publishes, and would not fit the stored channel. */
    public static final int MAX_WEBHOOK_URL = 2048;
    /** RFC 5321's limit of a forward path. */
    public static final int MAX_EMAIL = 254;

    public static final int MAX_SECRET = 256;

    /** The same, checked and normalised. */
    public record Valid(
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
            QuietMode quietMode,
            @Nullable LocalTime quietStart,
            @Nullable LocalTime quietEnd,
            boolean quietWeekends,
            boolean urgent,
            SpikeSensitivity spikeSensitivity,
            boolean spikeByEntity,
            @Nullable FirstSeen firstSeen) {}

    public Valid validate() {
        return validate(false);
    }

    /** @param allowPrivateWebhooks whether webhooks may point at loopback or private addresses */
    public Valid validate(boolean allowPrivateWebhooks) {
        return validate(allowPrivateWebhooks, QueryLimits.NONE);
    }

    /**
     * @param allowPrivateWebhooks whether webhooks may point at loopback or private addresses
     * @param limits what the query text of the user who writes it may ask
     */
    public Valid validate(boolean allowPrivateWebhooks, QueryLimits limits) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidSubscriptionException("name", "nameEmpty");
        }
        if (n.length() > 200) {
            throw new InvalidSubscriptionException("name", "nameLength", "200");
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            throw new InvalidSubscriptionException("query", "queryLength", String.valueOf(MAX_QUERY));
        }
        SubscriptionQuery.parse(q, limits);
        ArticleQuery.Filters filters = validFilters();
        if (SubscriptionQuery.matchesAll(q) && filters.isEmpty()) {
            throw new InvalidSubscriptionException("query", "matchesAll");
        }
        Frequency f = validFrequency();
        LocalTime t = validTime();
        DayOfWeek d = validDay();
        ZoneId z = validZone();
        List<Channel> c = validChannels(allowPrivateWebhooks);
        QuietMode qm = validQuietMode();
        LocalTime qs = validQuietTime("quietStart", quietStart, qm);
        LocalTime qe = validQuietTime("quietEnd", quietEnd, qm);
        if (qm == QuietMode.OWN && qs != null && qs.equals(qe)) {
            throw new InvalidSubscriptionException("quietEnd", "quietEmpty");
        }
        SpikeSensitivity sensitivity = SpikeSensitivity.of(spikeSensitivity);
        boolean byEntity = Boolean.TRUE.equals(spikeByEntity);
        if (byEntity && Boolean.TRUE.equals(spikeAlerts) && filters.entities().isEmpty()) {
            throw new InvalidSubscriptionException("spikeByEntity", "spikeEntitiesNone");
        }
        return new Valid(
                n,
                q,
                filters,
                f,
                t,
                d,
                z,
                c,
                Boolean.TRUE.equals(spikeAlerts),
                Boolean.TRUE.equals(paused),
                mutedUntil,
                qm,
                qs,
                qe,
                Boolean.TRUE.equals(quietWeekends),
                Boolean.TRUE.equals(urgent),
                sensitivity,
                byEntity,
                FirstSeen.validate(firstSeenTypes, firstSeenDays, firstSeenSources));
    }

    private QuietMode validQuietMode() {
        if (quietHours == null || quietHours.isBlank()) {
            return QuietMode.USER;
        }
        try {
            return QuietMode.valueOf(quietHours.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("quietHours", "quietHours", quietHours);
        }
    }

    /** The own window's times are required for {@code own}, and kept (unused) otherwise when given. */
    private static @Nullable LocalTime validQuietTime(String field, @Nullable String value, QuietMode mode) {
        if (value == null || value.isBlank()) {
            if (mode == QuietMode.OWN) {
                throw new InvalidSubscriptionException(field, "quietTimeMissing");
            }
            return null;
        }
        try {
            // minutes, as the form sets them and the column stores them
            return LocalTime.parse(value.strip()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException(field, "time", value);
        }
    }

    /** Checked up front, so an oversized list is a 400 naming it and never a value the database refuses. */
    private ArticleQuery.Filters validFilters() {
        checkList("topics", topics == null ? List.of() : new ArrayList<>(topics.keySet()));
        checkList("sources", sources);
        checkList("entities", entities);
        checkList("languages", languages);
        Map<String, Double> t = new LinkedHashMap<>();
        if (topics != null) {
            for (var e : topics.entrySet()) {
                double min = e.getValue() == null ? 0 : e.getValue();
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new InvalidSubscriptionException("topics", "topicEmpty");
                }
                if (min < 0 || min > 1) {
                    throw new InvalidSubscriptionException("topics", "topicScore", e.getKey(), String.valueOf(min));
                }
                t.put(e.getKey().strip(), min);
            }
        }
        ArticleQuery.Filters filters = new ArticleQuery.Filters(t, clean(sources), clean(entities), validLanguages());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(
                "topics",
                textLength(filters.topics().keySet()) + 8 * filters.topics().size());
        sizes.put("sources", textLength(filters.sources()));
        sizes.put("entities", textLength(filters.entities()));
        sizes.put("languages", textLength(filters.languages()));
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        if (total > MAX_FILTERS_TEXT) {
            String largest = sizes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            throw new InvalidSubscriptionException(largest, "filtersLength", String.valueOf(MAX_FILTERS_TEXT));
        }
        return filters;
    }

    private static void checkList(String field, @Nullable List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw new InvalidSubscriptionException(
                    field, "listSize", String.valueOf(MAX_FILTER_VALUES), String.valueOf(values.size()));
        }
        for (String value : values) {
            if (value != null && value.strip().length() > MAX_FILTER_VALUE_LENGTH) {
                throw new InvalidSubscriptionException(field, "valueLength", String.valueOf(MAX_FILTER_VALUE_LENGTH));
            }
        }
    }

    /** Characters of the values as stored: each quoted and separated by a comma. */
    private static int textLength(java.util.Collection<String> values) {
        return values.stream().mapToInt(v -> v.length() + 3).sum();
    }

    /** Codes of the languages articles are recognised in ("RU" and "ru-RU" read as ru); anything else is a typo. */
    private List<String> validLanguages() {
        return Language.codesOf(
                clean(languages),
                (value, known) -> new InvalidSubscriptionException("languages", "language", value, known));
    }

    private static List<String> clean(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .forEach(out::add);
        return List.copyOf(out);
    }

    private Frequency validFrequency() {
        if (frequency == null || frequency.isBlank()) {
            return Frequency.INSTANT;
        }
        try {
            return Frequency.valueOf(frequency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("frequency", "frequency", frequency);
        }
    }

    private LocalTime validTime() {
        if (time == null || time.isBlank()) {
            return LocalTime.of(8, 0);
        }
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("time", "time", time);
        }
    }

    private DayOfWeek validDay() {
        if (day == null || day.isBlank()) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("day", "day", day);
        }
    }

    private ZoneId validZone() {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSubscriptionException("timezone", "timezone", timezone);
        }
    }

    private List<Channel> validChannels(boolean allowPrivateWebhooks) {
        if (channels == null || channels.isEmpty()) {
            throw new InvalidSubscriptionException("channels", "channelsNone");
        }
        if (channels.size() > MAX_CHANNELS) {
            throw new InvalidSubscriptionException("channels", "channelsMany", String.valueOf(MAX_CHANNELS));
        }
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channel(channels.get(i), "channels[" + i + "]", allowPrivateWebhooks);
            if (out.stream().anyMatch(c -> c.key().equals(channel.key()))) {
                throw new InvalidSubscriptionException("channels[" + i + "]", "channelTwice");
            }
            out.add(channel);
        }
        return List.copyOf(out);
    }

    private static Channel channel(@Nullable ChannelDefinition c, String field, boolean allowPrivateWebhooks) {
        String type = c == null || c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "email" -> new Channel.Email(emailAddress(c.address(), field + ".address"));
            case "webhook" ->
                new Channel.Webhook(
                        webhookUrl(c.url(), field + ".url", allowPrivateWebhooks),
                        secret(c.secret(), field + ".secret"),
                        Boolean.TRUE.equals(c.slack()),
                        teams(c, field));
            case "telegram" -> new Channel.Telegram(telegramChat(c.chatId(), field + ".chatId"));
            case "inapp", "in-app", "in_app" -> new Channel.InApp();
            default ->
                throw new InvalidSubscriptionException(
                        field + ".type", "channelType", type.length() > 20 ? type.substring(0, 20) + "…" : type);
        };
    }

    private static boolean teams(ChannelDefinition c, String field) {
        if (Boolean.TRUE.equals(c.teams()) && Boolean.TRUE.equals(c.slack())) {
            throw new InvalidSubscriptionException(field + ".teams", "webhookFormats");
        }
        return Boolean.TRUE.equals(c.teams());
    }

    /** A numeric chat id (negative for groups and channels) or a public channel's {@code @username}. */
    private static String telegramChat(@Nullable String chatId, String field) {
        if (chatId == null || chatId.isBlank()) {
            throw new InvalidSubscriptionException(field, "telegramMissing");
        }
        String id = chatId.strip();
        if (!id.matches("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}")) {
            throw new InvalidSubscriptionException(
                    field, "telegramChat", id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
        return id;
    }

    private static String emailAddress(@Nullable String address, String field) {
        if (address == null || address.isBlank()) {
            throw new InvalidSubscriptionException(field, "emailMissing");
        }
        if (address.strip().length() > MAX_EMAIL) {
            throw new InvalidSubscriptionException(field, "emailLength", String.valueOf(MAX_EMAIL));
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no @");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidSubscriptionException(field, "email", address);
        }
    }

    private static @Nullable String secret(@Nullable String secret, String field) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        if (secret.length() > MAX_SECRET) {
            throw new InvalidSubscriptionException(field, "secretLength", String.valueOf(MAX_SECRET));
        }
        return secret;
    }

    private static String webhookUrl(@Nullable String url, String field, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw new InvalidSubscriptionException(field, "webhookMissing");
        }
        if (url.strip().length() > MAX_WEBHOOK_URL) {
            throw new InvalidSubscriptionException(field, "webhookLength", String.valueOf(MAX_WEBHOOK_URL));
        }
        if (url.contains("…")) {
            // the masked form Outpost shows of a stored URL, sent back for a channel it does not match
            throw new InvalidSubscriptionException(field, "webhookMasked");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException(field, "webhookSyntax", url, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSubscriptionException(field, "webhookScheme");
        }
        if (!allowPrivate && WebhookAddresses.isPrivate(uri.getHost())) {
            throw new InvalidSubscriptionException(field, "webhookPrivate", uri.getHost());
        }
        return uri.toString();
    }

    /** A definition built field by field: the fields left unset are null, as a form or the API leaves them. */
    public static Builder builder() {
        return new Builder();
    }

    /** This definition's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.query = query;
        b.topics = topics;
        b.sources = sources;
        b.entities = entities;
        b.languages = languages;
        b.frequency = frequency;
        b.time = time;
        b.day = day;
        b.timezone = timezone;
        b.channels = channels;
        b.spikeAlerts = spikeAlerts;
        b.paused = paused;
        b.mutedUntil = mutedUntil;
        b.quietHours = quietHours;
        b.quietStart = quietStart;
        b.quietEnd = quietEnd;
        b.quietWeekends = quietWeekends;
        b.urgent = urgent;
        b.spikeSensitivity = spikeSensitivity;
        b.spikeByEntity = spikeByEntity;
        b.firstSeenTypes = firstSeenTypes;
        b.firstSeenDays = firstSeenDays;
        b.firstSeenSources = firstSeenSources;
        return b;
    }

    /** Builds a {@link SubscriptionDefinition}; every field is optional until {@link #validate()}. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable String query;
        private @Nullable Map<String, Double> topics;
        private @Nullable List<String> sources;
        private @Nullable List<String> entities;
        private @Nullable List<String> languages;
        private @Nullable String frequency;
        private @Nullable String time;
        private @Nullable String day;
        private @Nullable String timezone;
        private @Nullable List<ChannelDefinition> channels;
        private @Nullable Boolean spikeAlerts;
        private @Nullable Boolean paused;
        private @Nullable Instant mutedUntil;
        private @Nullable String quietHours;
        private @Nullable String quietStart;
        private @Nullable String quietEnd;
        private @Nullable Boolean quietWeekends;
        private @Nullable Boolean urgent;
        private @Nullable String spikeSensitivity;
        private @Nullable Boolean spikeByEntity;
        private @Nullable List<String> firstSeenTypes;
        private @Nullable Integer firstSeenDays;
        private @Nullable Integer firstSeenSources;

        private Builder() {}

        public Builder name(@Nullable String value) {
            this.name = value;
            return this;
        }

        public Builder query(@Nullable String value) {
            this.query = value;
            return this;
        }

        public Builder topics(@Nullable Map<String, Double> value) {
            this.topics = value;
            return this;
        }

        public Builder sources(@Nullable List<String> value) {
            this.sources = value;
            return this;
        }

        public Builder entities(@Nullable List<String> value) {
            this.entities = value;
            return this;
        }

        public Builder languages(@Nullable List<String> value) {
            this.languages = value;
            return this;
        }

        public Builder frequency(@Nullable String value) {
            this.frequency = value;
            return this;
        }

        public Builder time(@Nullable String value) {
            this.time = value;
            return this;
        }

        public Builder day(@Nullable String value) {
            this.day = value;
            return this;
        }

        public Builder timezone(@Nullable String value) {
            this.timezone = value;
            return this;
        }

        public Builder channels(@Nullable List<ChannelDefinition> value) {
            this.channels = value;
            return this;
        }

        public Builder spikeAlerts(@Nullable Boolean value) {
            this.spikeAlerts = value;
            return this;
        }

        public Builder paused(@Nullable Boolean value) {
            this.paused = value;
            return this;
        }

        public Builder mutedUntil(@Nullable Instant value) {
            this.mutedUntil = value;
            return this;
        }

        /** {@code user}, {@code none} or {@code own}. */
        public Builder quietHours(@Nullable String value) {
            this.quietHours = value;
            return this;
        }

        public Builder quietStart(@Nullable String value) {
            this.quietStart = value;
            return this;
        }

        public Builder quietEnd(@Nullable String value) {
            this.quietEnd = value;
            return this;
        }

        public Builder quietWeekends(@Nullable Boolean value) {
            this.quietWeekends = value;
            return this;
        }

        public Builder urgent(@Nullable Boolean value) {
            this.urgent = value;
            return this;
        }

        /** "fewer", "balanced" or "more"; unset is balanced. */
        public Builder spikeSensitivity(@Nullable String value) {
            this.spikeSensitivity = value;
            return this;
        }

        public Builder spikeByEntity(@Nullable Boolean value) {
            this.spikeByEntity = value;
            return this;
        }

        public Builder firstSeenTypes(@Nullable List<String> value) {
            this.firstSeenTypes = value;
            return this;
        }

        public Builder firstSeenDays(@Nullable Integer value) {
            this.firstSeenDays = value;
            return this;
        }

        public Builder firstSeenSources(@Nullable Integer value) {
            this.firstSeenSources = value;
            return this;
        }

        public SubscriptionDefinition build() {
            return new SubscriptionDefinition(
                    name,
                    query,
                    topics,
                    sources,
                    entities,
                    languages,
                    frequency,
                    time,
                    day,
                    timezone,
                    channels,
                    spikeAlerts,
                    paused,
                    mutedUntil,
                    quietHours,
                    quietStart,
                    quietEnd,
                    quietWeekends,
                    urgent,
                    spikeSensitivity,
                    spikeByEntity,
                    firstSeenTypes,
                    firstSeenDays,
                    firstSeenSources);
        }
    }
}
