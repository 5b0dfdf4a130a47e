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
import org.outpost.core.language.Language;

/**
 * A subscription as a user or the API writes it. {@link #validate()} names the first field at
 * fault, or gives the values Outpost stores.
 *
 * @param time local time of digests, {@code HH:mm} (default 08:00; hourly digests use its minute)
 * @param day weekday of weekly digests (default Monday)
 * @param timezone the subscriber's zone for digest times (default UTC)
 * @param spikeAlerts also tell when the volume of this query jumps above its trailing baseline
 */
public record SubscriptionDefinition(@Nullable String name, @Nullable String query, @Nullable Map<String, Double> topics,
        @Nullable List<String> sources, @Nullable List<String> entities, @Nullable List<String> languages,
        @Nullable String frequency, @Nullable String time, @Nullable String day, @Nullable String timezone,
        @Nullable List<ChannelDefinition> channels, @Nullable Boolean spikeAlerts, @Nullable Boolean paused,
        @Nullable Instant mutedUntil) {

    public static final int MAX_QUERY = 4000;
    public static final int MAX_CHANNELS = 10;

    /** The same, checked and normalised. */
    public record Valid(String name, String query, ArticleQuery.Filters filters, Frequency frequency, LocalTime time,
            DayOfWeek day, ZoneId zone, List<Channel> channels, boolean spikeAlerts, boolean paused,
            @Nullable Instant mutedUntil) {
    }

    public Valid validate() {
        return validate(false);
    }

    /** @param allowPrivateWebhooks whether webhooks may point at loopback or private addresses */
    public Valid validate(boolean allowPrivateWebhooks) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidSubscriptionException("name", "give the subscription a name");
        }
        if (n.length() > 200) {
            throw new InvalidSubscriptionException("name", "the name is longer than 200 characters");
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            throw new InvalidSubscriptionException("query", "the query is longer than " + MAX_QUERY + " characters");
        }
        SubscriptionQuery.parse(q);
        ArticleQuery.Filters filters = validFilters();
        if (SubscriptionQuery.matchesAll(q) && filters.isEmpty()) {
            throw new InvalidSubscriptionException("query",
                    "a query or a filter is needed: an empty query with no filter would match every article");
        }
        Frequency f = validFrequency();
        LocalTime t = validTime();
        DayOfWeek d = validDay();
        ZoneId z = validZone();
        List<Channel> c = validChannels(allowPrivateWebhooks);
        return new Valid(n, q, filters, f, t, d, z, c, Boolean.TRUE.equals(spikeAlerts), Boolean.TRUE.equals(paused),
                mutedUntil);
    }

    private ArticleQuery.Filters validFilters() {
        Map<String, Double> t = new LinkedHashMap<>();
        if (topics != null) {
            for (var e : topics.entrySet()) {
                double min = e.getValue() == null ? 0 : e.getValue();
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new InvalidSubscriptionException("topics", "a topic id is empty");
                }
                if (min < 0 || min > 1) {
                    throw new InvalidSubscriptionException("topics",
                            "the minimum score of " + e.getKey() + " must be between 0 and 1, was " + min);
                }
                t.put(e.getKey().strip(), min);
            }
        }
        return new ArticleQuery.Filters(t, clean(sources), clean(entities), validLanguages());
    }

    /** Codes of the languages articles are recognised in ("RU" and "ru-RU" read as ru); anything else is a typo. */
    private List<String> validLanguages() {
        List<String> codes = new java.util.ArrayList<>();
        for (String value : clean(languages)) {
            Language language = Language.ofCode(value);
            if (language == null) {
                throw new InvalidSubscriptionException("languages", "'" + value + "' is not a language Outpost recognises;"
                        + " use " + java.util.Arrays.stream(Language.values()).map(Language::code)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
            if (!codes.contains(language.code())) {
                codes.add(language.code());
            }
        }
        return List.copyOf(codes);
    }

    private static List<String> clean(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(out::add);
        return List.copyOf(out);
    }

    private Frequency validFrequency() {
        if (frequency == null || frequency.isBlank()) {
            return Frequency.INSTANT;
        }
        try {
            return Frequency.valueOf(frequency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("frequency",
                    "frequency must be instant, hourly, daily or weekly, was '" + frequency + "'");
        }
    }

    private LocalTime validTime() {
        if (time == null || time.isBlank()) {
            return LocalTime.of(8, 0);
        }
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("time", "time must be HH:mm (e.g. 08:00), was '" + time + "'");
        }
    }

    private DayOfWeek validDay() {
        if (day == null || day.isBlank()) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("day", "day must be a weekday in English (e.g. monday), was '" + day + "'");
        }
    }

    private ZoneId validZone() {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSubscriptionException("timezone",
                    "unknown time zone '" + timezone + "': use a region id such as Asia/Dushanbe");
        }
    }

    private List<Channel> validChannels(boolean allowPrivateWebhooks) {
        if (channels == null || channels.isEmpty()) {
            throw new InvalidSubscriptionException("channels", "choose at least one channel: email, webhook or inapp");
        }
        if (channels.size() > MAX_CHANNELS) {
            throw new InvalidSubscriptionException("channels", "at most " + MAX_CHANNELS + " channels");
        }
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channel(channels.get(i), "channels[" + i + "]", allowPrivateWebhooks);
            if (out.stream().anyMatch(c -> c.key().equals(channel.key()))) {
                throw new InvalidSubscriptionException("channels[" + i + "]", "the same channel is listed twice");
            }
            out.add(channel);
        }
        return List.copyOf(out);
    }

    private static Channel channel(@Nullable ChannelDefinition c, String field, boolean allowPrivateWebhooks) {
        String type = c == null || c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "email" -> new Channel.Email(emailAddress(c.address(), field + ".address"));
            case "webhook" -> new Channel.Webhook(webhookUrl(c.url(), field + ".url", allowPrivateWebhooks),
                    c.secret() == null || c.secret().isBlank() ? null : c.secret(), Boolean.TRUE.equals(c.slack()));
            case "inapp", "in-app", "in_app" -> new Channel.InApp();
            default -> throw new InvalidSubscriptionException(field + ".type",
                    "channel type must be email, webhook or inapp, was '" + type + "'");
        };
    }

    private static String emailAddress(@Nullable String address, String field) {
        if (address == null || address.isBlank()) {
            throw new InvalidSubscriptionException(field, "an email channel needs an address");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("no @");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidSubscriptionException(field, "'" + address + "' is not an email address");
        }
    }

    private static String webhookUrl(@Nullable String url, String field, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw new InvalidSubscriptionException(field, "a webhook channel needs a URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException(field, "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSubscriptionException(field, "a webhook URL must start with http:// or https:// and name a host");
        }
        if (!allowPrivate && WebhookAddresses.isPrivate(uri.getHost())) {
            throw new InvalidSubscriptionException(field, "webhooks to local or private addresses (" + uri.getHost()
                    + ") are not allowed here; an admin can allow them with outpost.alerts.allow-private-webhooks");
        }
        return uri.toString();
    }
}
