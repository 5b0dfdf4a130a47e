package org.outpost.crawler.source;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's include and exclude patterns, matched with RE2/J: time linear in the address's
 * length whatever the pattern, so a pattern such as {@code (a+)+$} cannot hold a crawler thread
 * the way backtracking {@link java.util.regex} would. The price is RE2's syntax: no
 * backreferences and no lookaround, refused when a pattern is saved.
 */
final class SourcePatterns {

    /** Longest pattern accepted: the shipped ones are under 60 characters. */
    static final int MAX_LENGTH = 500;

    /** Compiled patterns are kept; there are as many as sources, a bound only guards a leak. */
    private static final int MAX_CACHED = 2_000;

    private static final Logger log = LoggerFactory.getLogger(SourcePatterns.class);
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private SourcePatterns() {}

    /** The pattern as given, checked: within {@link #MAX_LENGTH} and one RE2/J compiles. */
    static @Nullable String check(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            throw new InvalidSourceException(field, "source.pattern.tooLong", String.valueOf(MAX_LENGTH));
        }
        try {
            // only compiled, never matched: tells a plain mistake (with its position) from a
            // pattern that is valid Java but outside RE2's linear-time syntax
            java.util.regex.Pattern.compile(v);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new InvalidSourceException(
                    field, "source.pattern.invalid", e.getDescription(), String.valueOf(e.getIndex()));
        }
        try {
            Pattern.compile(v);
            return v;
        } catch (PatternSyntaxException e) {
            throw new InvalidSourceException(field, "source.pattern.unsupported", v, e.getDescription());
        }
    }

    /**
     * Whether the pattern is found in the address. A pattern saved before the check that RE2/J
     * cannot compile finds nothing (its source then crawls no article until it is edited) rather
     * than running on a backtracking engine.
     */
    static boolean finds(String pattern, String address) {
        Pattern compiled = compiled(pattern);
        return compiled != null && compiled.matcher(address).find();
    }

    static boolean compiles(String pattern) {
        return compiled(pattern) != null;
    }

    private static @Nullable Pattern compiled(String pattern) {
        Pattern known = COMPILED.get(pattern);
        if (known != null) {
            return known;
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            if (COMPILED.size() >= MAX_CACHED) {
                COMPILED.clear();
            }
            COMPILED.put(pattern, compiled);
            return compiled;
        } catch (PatternSyntaxException e) {
            log.warn("Source pattern {} is not RE2 syntax and matches nothing: {}", pattern, e.getDescription());
            return null;
        }
    }
}
