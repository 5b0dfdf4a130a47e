package org.outpost.crawler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A source as a person submits it. {@link #validate} checks every field and names the first
 * wrong one, so the API and the form can say what to fix.
 */
@NamedInterface("source")
public record SourceDefinition(
        @Nullable String name,
        @Nullable String type,
        @Nullable String url,
        @Nullable String schedule,
        @Nullable String timezone,
        @Nullable Boolean enabled,
        @Nullable String language,
        @Nullable String includePattern,
        @Nullable String excludePattern,
        @Nullable Boolean allowPrivate) {

    /**
     * New sources learn how often to look ({@link Schedule#isAdaptive()}); sources saved before keep
     * the schedule they were saved with.
     */
    public static final String DEFAULT_SCHEDULE = Schedule.ADAPTIVE;

    public static final String DEFAULT_TIMEZONE = "UTC";

    /** The checked values, defaults filled in. */
    public record Valid(
            String name,
            SourceType type,
            String url,
            Schedule schedule,
            boolean enabled,
            @Nullable String language,
            @Nullable String includePattern,
            @Nullable String excludePattern,
            boolean allowPrivate) {}

    public Valid validate() {
        return validate(Schedule.MIN_INTERVAL);
    }

    /** @param minInterval the politeness floor a schedule may not go under ({@link Schedule#parse(String, String, Duration)}) */
    public Valid validate(java.time.Duration minInterval) {
        String checkedName = required("name", name);
        if (checkedName.length() > 200) {
            throw new InvalidSourceException("name", "source.name.tooLong", "200");
        }
        SourceType checkedType = SourceType.of(required("type", type));
        String checkedUrl = checkedType.isRemote() ? httpUrl(required("url", url)) : folder(required("url", url));
        Schedule checkedSchedule = Schedule.parse(
                blankToNull(schedule) == null ? DEFAULT_SCHEDULE : schedule,
                blankToNull(timezone) == null ? DEFAULT_TIMEZONE : timezone,
                minInterval);
        return new Valid(
                checkedName,
                checkedType,
                checkedUrl,
                checkedSchedule,
                enabled == null || enabled,
                language(language),
                pattern("includePattern", includePattern),
                pattern("excludePattern", excludePattern),
                allowPrivate != null && allowPrivate);
    }

    private static String required(String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            throw new InvalidSourceException(field, "source.required");
        }
        return v;
    }

    private static String httpUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidSourceException("url", "source.url.invalid", value, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSourceException("url", "source.url.scheme", value);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidSourceException("url", "source.url.noHost", value);
        }
        if (value.length() > 4096) {
            throw new InvalidSourceException("url", "source.url.tooLong", "4096");
        }
        return uri.toString();
    }

    private static String folder(String value) {
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute()) {
                throw new InvalidSourceException("url", "source.url.relativeFolder", value);
            }
            return path.normalize().toString();
        } catch (InvalidPathException e) {
            throw new InvalidSourceException("url", "source.url.invalidPath", value, e.getReason());
        }
    }

    private static @Nullable String pattern(String field, @Nullable String value) {
        return SourcePatterns.check(field, value);
    }

    private static @Nullable String language(@Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new InvalidSourceException("language", "source.language.invalid", v);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
