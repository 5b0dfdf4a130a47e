package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spike on a place or region links to the overview's map centred on it; other spikes do not. */
class SpikeMapLinkTest {

    private static final URI BASE = URI.create("https://outpost.example/");

    private static SpikeDetail spike(String scope, String interval) {
        return new SpikeDetail(scope, Instant.parse("2026-11-20T09:40:00Z"), interval, 12, 0.4, 6.1, List.of());
    }

    @Test
    void aPlaceOrRegionLinksToTheMapCentredOnItOverAPeriodThatShowsTheWindow() {
        assertThat(Links.map(BASE, spike("entity place:Vorukh", "hour")))
                .contains("https://outpost.example/?range=24h&at=place%3AVorukh");
        assertThat(Links.map(BASE, spike("entity region:Gorno-Badakhshan", "day")))
                .contains("https://outpost.example/?range=7d&at=region%3AGorno-Badakhshan");
        assertThat(Links.map(BASE, spike("entity place:Sher Khan Bandar", "hour")))
                .contains("https://outpost.example/?range=24h&at=place%3ASher%20Khan%20Bandar");
    }

    @Test
    void aTopicASubscriptionOrAnotherEntityHasNoMapLink() {
        assertThat(Links.map(BASE, spike("topic drug_trafficking", "hour"))).isEmpty();
        assertThat(Links.map(BASE, spike("\"Border watch\"", "hour"))).isEmpty();
        assertThat(Links.map(BASE, spike("entity org:CSTO", "hour"))).isEmpty();
        assertThat(Links.map(BASE, spike("entity country:Tajikistan", "hour"))).isEmpty();
    }
}
