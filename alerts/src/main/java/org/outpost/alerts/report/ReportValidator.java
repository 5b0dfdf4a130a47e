package org.outpost.alerts.report;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.InvalidQueryException;
import org.outpost.core.index.QueryLimits;
import org.outpost.core.index.QueryText;
import org.outpost.core.language.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks a definition field by field, so the form can mark the one to fix. */
@Component
class ReportValidator {

    static final int MAX_LIST = 50;
    /** Sizes of the report table's columns (V5__reports.sql) that hold lists one value a line. */
    private static final int TOPICS_COLUMN = 2000;

    private static final int LINES_COLUMN = 8000;
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9_]{1,64}");

    private final ArticleSearch search;
    private final ObjectProvider<Supplier<Classifier>> classifier;
    private final JdbcClient jdbc;
    private final ReportsProperties properties;

    ReportValidator(
            ArticleSearch search,
            ObjectProvider<Supplier<Classifier>> classifier,
            JdbcClient jdbc,
            ReportsProperties properties) {
        this.search = search;
        this.classifier = classifier;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    ValidReport validate(ReportDefinition d) {
        return validate(d, QueryLimits.NONE);
    }

    /** @param limits what the query text of the user who writes it may ask */
    ValidReport validate(ReportDefinition d, QueryLimits limits) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidReportException("name", "nameLength");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            // the name is the email's subject: a line break there would start a new header
            throw new InvalidReportException("name", "nameControl");
        }
        ReportPeriod period = blank(d.period()) ? ReportPeriod.DAY : ReportPeriod.of(d.period());
        ReportSchedule schedule = ReportSchedule.parse(
                blank(d.schedule()) ? period.defaultSchedule() : d.schedule(),
                blank(d.timezone()) ? "UTC" : d.timezone());
        checkInterval(schedule);
        List<String> topics = topics(d.topics());
        stored("topics", topics, TOPICS_COLUMN);
        String query = blank(d.query()) ? null : d.query().strip();
        if (query != null) {
            checkQuery(query, limits);
        }
        List<String> sources = list("sources", d.sources());
        sources.forEach(s -> {
            if (s.length() > 300) {
                throw new InvalidReportException("sources", "sourceLength");
            }
        });
        stored("sources", sources, LINES_COLUMN);
        List<String> languages = languages(d.languages());
        List<String> recipients = recipients(d.recipients());
        stored("recipients", recipients, LINES_COLUMN);
        return new ValidReport(
                name,
                period,
                schedule,
                topics,
                query,
                sources,
                languages,
                recipients,
                d.enabled() == null || d.enabled());
    }

    /** A report that fires more often than {@code outpost.reports.min-interval} would flood its recipients and the index. */
    private void checkInterval(ReportSchedule schedule) {
        java.time.Duration gap = schedule.shortestGap(java.time.Instant.now());
        if (gap != null && gap.compareTo(properties.minInterval()) < 0) {
            throw new InvalidReportException(
                    "schedule",
                    "scheduleInterval",
                    schedule.expression(),
                    String.valueOf(properties.minInterval().toMinutes()),
                    gap.toSeconds() >= 60 ? gap.toMinutes() + " min" : gap.toSeconds() + " s");
        }
    }

    /** Lists are stored one value a line in columns of a fixed size: too long is refused here, never by the database. */
    private static void stored(String field, List<String> values, int column) {
        int length = values.stream().mapToInt(v -> v.length() + 1).sum();
        if (length > column) {
            throw new InvalidReportException(field, "listLength", String.valueOf(column));
        }
    }

    private List<String> topics(@Nullable List<String> given) {
        List<String> topics = list("topics", given);
        Set<String> known = knownTopics();
        for (String topic : topics) {
            if (!TOPIC_ID.matcher(topic).matches() || (!known.isEmpty() && !known.contains(topic))) {
                throw known.isEmpty()
                        ? new InvalidReportException("topics", "topic", topic)
                        : new InvalidReportException("topics", "topicKnown", topic, String.join(", ", known));
            }
        }
        return topics;
    }

    /** Stored as the codes articles carry ("RU" and "ru-RU" become "ru"), so the index filter matches them. */
    private static List<String> languages(@Nullable List<String> given) {
        return Language.codesOf(
                list("languages", given),
                (value, known) -> new InvalidReportException("languages", "language", value, known));
    }

    private Set<String> knownTopics() {
        Supplier<Classifier> current = classifier.getIfAvailable();
        return current == null
                ? Set.of()
                : new LinkedHashSet<>(current.get().topicDefinitions().ids());
    }

    private void checkQuery(String query, QueryLimits limits) {
        if (query.length() > 4000) {
            throw new InvalidReportException("query", "queryLength");
        }
        try {
            QueryText.check(query, limits);
            search.search(new ArticleQuery(query, null, null, null, 0, 1));
        } catch (InvalidQueryException e) {
            throw switch (e.reason()) {
                case TOO_LONG -> new InvalidReportException("query", "queryLimit", String.valueOf(limits.maxLength()));
                case EXPENSIVE -> new InvalidReportException("query", "queryExpensive");
                case SYNTAX -> new InvalidReportException("query", "query", String.valueOf(e.getMessage()));
            };
        }
    }

    private List<String> recipients(@Nullable List<String> given) {
        List<String> recipients = list("recipients", given, properties.maxRecipients());
        for (String recipient : recipients) {
            if (recipient.contains("@")) {
                try {
                    new InternetAddress(recipient, true);
                } catch (AddressException e) {
                    throw new InvalidReportException(
                            "recipients", "address", recipient, String.valueOf(e.getMessage()));
                }
            } else if (!userExists(recipient)) {
                throw new InvalidReportException("recipients", "user", recipient);
            }
        }
        return recipients;
    }

    private boolean userExists(String name) {
        return jdbc.sql("select count(*) from users where username = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Trimmed, blanks and repeats dropped, order kept. */
    private static List<String> list(String field, @Nullable List<String> given) {
        return list(field, given, MAX_LIST);
    }

    private static List<String> list(String field, @Nullable List<String> given, int max) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : given) {
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        if (values.size() > max) {
            throw new InvalidReportException(field, "listSize", String.valueOf(max), String.valueOf(values.size()));
        }
        return new ArrayList<>(values);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
