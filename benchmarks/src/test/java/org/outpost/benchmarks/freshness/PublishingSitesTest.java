package org.outpost.benchmarks.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's rates and the fixture's feeds: publication on time, conditional GET, Crawl-delay compressed. */
class PublishingSitesTest {

    private static final Instant START = Instant.parse("2026-12-06T00:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePlanIsTheSameForTheSameSeedAndPublishesAtEachTiersRate() {
        PublicationPlan plan = new PublicationPlan(1);
        Duration day = Duration.ofDays(1);
        assertThat(plan.offsets(3, day)).isEqualTo(new PublicationPlan(1).offsets(3, day));
        assertThat(Tier.totalSources()).isEqualTo(200);
        for (int site = 0; site < Tier.totalSources(); site++) {
            Tier tier = Tier.of(site);
            List<Duration> offsets = plan.offsets(site, Duration.ofDays(30));
            assertThat(offsets.subList(0, PublicationPlan.BACKLOG)).allMatch(Duration::isNegative);
            assertThat(plan.meanGap(site)).isBetween(tier.shortestGap, tier.longestGap);
            int after = offsets.size() - PublicationPlan.BACKLOG;
            if (tier == Tier.SILENT) {
                assertThat(after).isZero();
                assertThat(offsets.getLast()).isLessThan(Duration.ofDays(-3));
            } else {
                // about 30 days over the mean gap; random gaps, so within a wide margin
                double expected = Duration.ofDays(30).toSeconds()
                        / (double) plan.meanGap(site).toSeconds();
                assertThat((double) after).isBetween(expected * 0.5, expected * 1.5 + 5);
            }
        }
    }

    @Test
    void aFeedShowsAnArticleFromItsMomentAndAnswersAConditionalGetWith304UntilThen() throws Exception {
        PublicationPlan plan = new PublicationPlan(2);
        TimeCompression time = new TimeCompression(60);
        MutableClock clock = new MutableClock(START);
        try (PublishingSites sites = new PublishingSites(3, plan, time, START, Duration.ofDays(1), clock)) {
            int site = 0; // frequent, RSS
            PublishingSites.Item next = sites.items().stream()
                    .filter(i -> i.site() == site && i.publishedAt().isAfter(START))
                    .findFirst()
                    .orElseThrow();
            clock.at = next.publishedAt().minusMillis(1);
            HttpResponse<String> first = get(sites.feedUrl(site), null);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).doesNotContain(next.url());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(get(sites.feedUrl(site), etag).statusCode()).isEqualTo(304);
            assertThat(get(next.url(), null).statusCode()).isEqualTo(404);

            clock.at = next.publishedAt();
            HttpResponse<String> changed = get(sites.feedUrl(site), etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains(next.url());
            assertThat(get(next.url(), null).statusCode()).isEqualTo(200);
            // the fixture records a request once its answer is written: the client may read it a moment earlier
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (sites.requests().all().size() < 5 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(sites.requests().all()).hasSize(5);

            // source 4 asks for a minute between visits: a second in a run compressed 60-fold
            assertThat(get(sites.origin(4) + "/robots.txt", null).body()).contains("Crawl-delay: 1\n");
            assertThat(get(sites.feedUrl(1), null).body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        }
    }

    private HttpResponse<String> get(String url, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class MutableClock extends Clock {
        volatile Instant at;

        MutableClock(Instant at) {
            this.at = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
