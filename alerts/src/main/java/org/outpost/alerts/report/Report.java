package org.outpost.alerts.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A stored report definition.
 *
 * @param topics topic ids the report covers; empty for every topic
 * @param query Lucene query syntax narrowing the articles, or null
 * @param sources source names; empty for every source
 * @param languages article language codes; empty for every language
 * @param recipients email addresses and Outpost user names
 * @param nextRunAt the next scheduled run, null when disabled
 */
@NamedInterface("report")
public record Report(
        long id,
        String owner,
        String name,
        ReportPeriod period,
        String schedule,
        ZoneId zone,
        List<String> topics,
        @Nullable String query,
        List<String> sources,
        List<String> languages,
        List<String> recipients,
        boolean enabled,
        @Nullable Instant nextRunAt,
        Instant createdAt,
        Instant updatedAt) {

    public Report {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        recipients = List.copyOf(recipients);
    }

    /** The recipients given as email addresses (the others are Outpost user names). */
    List<String> addresses() {
        return recipients.stream().filter(r -> r.contains("@")).toList();
    }

    /** The recipients given as Outpost user names: each is emailed at the address they confirmed, if any. */
    List<String> users() {
        return recipients.stream().filter(r -> !r.contains("@")).toList();
    }

    /** Whether this user owns the report or is one of its recipients by user name. */
    boolean readableBy(String user) {
        return owner.equals(user) || recipients.contains(user);
    }

    /** What the user typed, for an edit form. */
    public ReportDefinition definition() {
        return new ReportDefinition(
                name, period.key(), schedule, zone.getId(), topics, query, sources, recipients, enabled, languages);
    }
}
