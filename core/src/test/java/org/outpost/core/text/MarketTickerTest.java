package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketTickerTest {

    @Test
    void recognisesALineOfCurrencyPairQuotes() {
        assertThat(MarketTicker.isTickerLine("Update At 14:00 USD/EUR 0,92 USD/JPY 151,69 USD/KRW 1.347,35"))
                .isTrue();
    }

    @Test
    void recognisesALineOfArrowQuotes() {
        assertThat(MarketTicker.isTickerLine("Crude Oil 85,49 ↓-0.76 Asia Dow 3.838,83 ↑+1.8 TSE 1.833,50 ↑+4.5"))
                .isTrue();
    }

    @Test
    void leavesSentencesQuotingAFewRatesAlone() {
        assertThat(MarketTicker.isTickerLine("The somoni fell against the dollar; USD/TJS 10,9 and EUR/TJS 11,8 were"
                        + " quoted on Monday."))
                .isFalse();
        assertThat(MarketTicker.isTickerLine("Oil rose ↑+0.4 while gold fell ↓-3.2 in early trading."))
                .isFalse();
        assertThat(MarketTicker.isTickerLine("USD/EUR USD/JPY USD/KRW without any quotes"))
                .isFalse();
    }
}
