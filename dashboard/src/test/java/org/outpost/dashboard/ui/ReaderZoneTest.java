package org.outpost.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReaderZoneTest {

    @Test
    void aBrowserInUtc_isTheFallbackItself_soViewsDoNotLoadTwice() {
        assertThat(ReaderZone.parse("Etc/UTC")).isEqualTo(ReaderZone.FALLBACK);
        assertThat(ReaderZone.parse("UTC")).isEqualTo(ReaderZone.FALLBACK);
        assertThat(ReaderZone.parse("GMT")).isEqualTo(ReaderZone.FALLBACK);
    }

    @Test
    void anotherZone_isKeptAsTheBrowserNamesIt() {
        assertThat(ReaderZone.parse("Asia/Dushanbe")).isEqualTo(ZoneId.of("Asia/Dushanbe"));
        assertThat(ReaderZone.parse("Not/AZone")).isEqualTo(ReaderZone.FALLBACK);
        assertThat(ReaderZone.parse(null)).isEqualTo(ReaderZone.FALLBACK);
    }
}
