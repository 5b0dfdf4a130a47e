package org.outpost.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCleanerTest {

    private final PageCleaner cleaner = new PageCleaner();

    private static final String BORDER_PARAGRAPH = "Border guards in the Khatlon region detained three men who tried"
            + " to carry 40 kilograms of heroin across the Panj river, the agency said.";

    @Test
    void dropsMarketTickerBlockWithItsRenderDate() {
        String page = """
                Monday, Mar 4, 2024
                Update At 09:30   GBP/USD 1,27 ↑+0.01   USD/CHF 0,88 ↓-0.02   EUR/USD 1,08 ↑+0.003   Gold 2.150 ↓-3.2

                Border guards detain heroin couriers on the Panj river

                News - March 1, 2024

                %s
                """.formatted(BORDER_PARAGRAPH);

        List<CleanStory> stories = cleaner.clean(page);

        assertThat(stories).singleElement().satisfies(story -> {
            assertThat(story.title()).isEqualTo("Border guards detain heroin couriers on the Panj river");
            assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(story.body()).isEqualTo(BORDER_PARAGRAPH);
        });
    }

    @Test
    void tickerMadeOfArrowQuotesAloneIsDroppedToo() {
        String page = """
                Tuesday, Apr 2, 2024
                Brent 82,10 ▲+0.4 Gold 2.150 ▼-3.2 Silver 24,1 ▲+0.1

                Border guards detain heroin couriers on the Panj river

                %s
                """.formatted(BORDER_PARAGRAPH);

        CleanStory story = cleaner.clean(page).get(0);

        assertThat(story.publishedOn()).isNull();
        assertThat(story.body()).doesNotContain("Brent", "▲");
    }

    @Test
    void dropsRatingWidgetAndCutsTheArticleAtTheHitCounter() {
        String page = """
                layout-main

                Friday, 3 March 2023 10:15

                CSTO holds joint drills near the Afghan border

                Rate this article
                (12 votes)

                Troops from four member states practised repelling an incursion by armed groups near the border.

                Viewed 1,204 times

                Related: Kyrgyz and Tajik officials meet in Batken to discuss the disputed border segments.

                Politics
                Security
                """;

        CleanStory story = cleaner.clean(page).get(0);

        assertThat(story.title()).isEqualTo("CSTO holds joint drills near the Afghan border");
        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(story.body())
                .isEqualTo("Troops from four member states practised repelling an incursion by armed groups near"
                        + " the border.");
    }

    @Test
    void cutsTheArticleAtFeedbackPromptAndCommentWidgets() {
        String page = """
                Police in Osh seize an arms cache

                Officers found rifles and ammunition hidden in a garage on the outskirts of the city on Monday.

                Did you find this story useful?

                3 Comments

                Comment rules: be polite. Name * Email *
                """;

        CleanStory story = cleaner.clean(page).get(0);

        assertThat(story.body())
                .isEqualTo("Officers found rifles and ammunition hidden in a garage on the outskirts of the city on"
                        + " Monday.");
    }

    @Test
    void hitCounterAboveTheArticleTextIsDroppedWithoutCuttingTheArticle() {
        String page = """
                Police in Osh seize an arms cache

                Read 87 times

                Officers found rifles and ammunition hidden in a garage on the outskirts of the city on Monday.
                """;

        CleanStory story = cleaner.clean(page).get(0);

        assertThat(story.body()).startsWith("Officers found rifles").doesNotContain("87 times");
    }

    @Test
    void splitsDigestIntoStoriesAtSourceAndCopyrightTerminators() {
        String page = """
                Kazakhstan tightens checks at the Chinese border

                Customs officers at Khorgos will inspect every freight truck after a smuggling case last week.

                Source: Kazinform

                Uzbekistan and Tajikistan agree on a joint border commission

                The two governments signed the agreement in Tashkent, according to the foreign ministry.

                Officials will meet every quarter, it said.

                © 2023 Kabar News Agency. All rights reserved.

                Kyrgyz parliament debates a new law on extremism

                Deputies discussed amendments that would widen the definition of extremist material online.

                Copyright (c) 2021. Eurasianet, Inc. Reprinted with the permission of Eurasianet, New York.

                Home
                Contacts
                """;

        List<CleanStory> stories = cleaner.clean(page);

        assertThat(stories)
                .extracting(CleanStory::title)
                .containsExactly(
                        "Kazakhstan tightens checks at the Chinese border",
                        "Uzbekistan and Tajikistan agree on a joint border commission",
                        "Kyrgyz parliament debates a new law on extremism");
        assertThat(stories)
                .extracting(CleanStory::attribution)
                .containsExactly("Kazinform", "Kabar News Agency", "Eurasianet");
        assertThat(stories.get(1).body())
                .isEqualTo(
                        "The two governments signed the agreement in Tashkent, according to the foreign ministry.\n\n"
                                + "Officials will meet every quarter, it said.");
        assertThat(stories)
                .allSatisfy(story -> assertThat(story.body())
                        .doesNotContain("Source:", "©", "Copyright", "Reprinted", "All rights reserved", "Home"));
    }

    @Test
    void teaserHeadlinesAfterTheLastTerminatorMakeNoStory() {
        String page = """
                Kazakhstan tightens checks at the Chinese border

                Customs officers at Khorgos will inspect every freight truck after a smuggling case last week.

                Source: Kazinform

                More from the region

                Kyrgyz border guards detain smugglers near Batken, officials say
                Uzbek president arrives in Dushanbe for two-day state visit
                """;

        assertThat(cleaner.clean(page))
                .extracting(CleanStory::title)
                .containsExactly("Kazakhstan tightens checks at the Chinese border");
    }

    @Test
    void singleArticleClosedByCopyrightFooterIsAttributedToItsHolder() {
        String page = """
                Tajik court jails blogger for seven years

                A court in Dushanbe sentenced the blogger after a closed trial, his relatives said on Friday.

                © 2022 Asia-Plus Media Ltd. All rights reserved.
                """;

        assertThat(cleaner.clean(page)).singleElement().satisfies(story -> {
            assertThat(story.attribution()).isEqualTo("Asia-Plus Media");
            assertThat(story.body()).doesNotContain("2022", "rights");
        });
    }

    @Test
    void derivesTitleFromFirstSentenceWhenThePageHasNoHeadline() {
        String page = """
                Publication: Central Asia Weekly Volume: 12 Issue: 7

                On May 2 Kyrgyzstan’s security service said it had arrested Mr. Ivanov, a U.S. citizen. \
                The arrest was announced in Bishkek.

                Officials gave no further details about the charges against him.
                """;

        CleanStory story = cleaner.clean(page).get(0);

        assertThat(story.title())
                .isEqualTo("On May 2 Kyrgyzstan’s security service said it had arrested Mr. Ivanov, a U.S. citizen");
        assertThat(story.body())
                .startsWith("On May 2 Kyrgyzstan’s security service")
                .doesNotContain("Publication:");
        assertThat(story.attribution()).isEqualTo("Central Asia Weekly");
        assertThat(story.publishedOn()).isNull();
    }

    @Test
    void derivedTitleIsCutAtAWordBoundaryWithAnEllipsis() {
        String sentence = "The ministers of defence of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan met in"
                + " Almaty to coordinate their response to the growing number of armed incursions along the border.";

        CleanStory story = cleaner.clean(sentence + " They agreed to meet again in autumn.")
                .get(0);

        assertThat(story.title()).hasSizeLessThanOrEqualTo(120).endsWith("…");
        assertThat(sentence).startsWith(story.title().substring(0, story.title().length() - 1) + " ");
    }

    @Test
    void aStoryWithoutADatelineTakesTheLatestDateItsTextStatesMarkedAsFromTheText() {
        String page = """
                Parliament passes counter-terrorism amendments

                On March 14, 2023 the lower house approved amendments that were first debated on 2 February 2023.
                """;

        CleanStory story = cleaner.clean(page, LocalDate.of(2026, 11, 20)).get(0);

        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2023, 3, 14));
        assertThat(story.datedFromText()).isTrue();
        assertThat(story.body()).contains("March 14, 2023");
    }

    @Test
    void aDatelineWinsOverTheDatesInTheTextAndIsNotMarkedAsFromIt() {
        String page = """
                Parliament passes counter-terrorism amendments

                News - March 20, 2023

                On March 14, 2023 the lower house approved amendments that were first debated on 2 February 2023.
                """;

        CleanStory story = cleaner.clean(page, LocalDate.of(2026, 11, 20)).get(0);

        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2023, 3, 20));
        assertThat(story.datedFromText()).isFalse();
    }

    @Test
    void aStatedDateAfterTheDayThePageIsReadIsAPlanNotTheStorysDate() {
        String page = """
                Summit planned

                The leaders met on 3 May 2026 and agreed to meet again on 20 December 2026 in Astana.
                """;

        assertThat(cleaner.clean(page, LocalDate.of(2026, 11, 20)).get(0).publishedOn())
                .isEqualTo(LocalDate.of(2026, 5, 3));
    }

    @Test
    void aDigestStoryWithOnlyAYearlessDateTakesTheYearOfThePagesOtherDates() {
        String page = """
                Ministers meet in Dushanbe

                The ministers met in Dushanbe on 18 October 2022 to discuss border security with their partners.

                Source: Agency One

                Border guards accuse neighbours of violating the truce

                The border service said on October 19 that the other side was digging trenches near the border,
                and recalled the agreement of 1991. A summit is due on November 15-16.

                Source: Agency Two
                """;

        List<CleanStory> stories = cleaner.clean(page, LocalDate.of(2026, 11, 20));

        assertThat(stories)
                .extracting(CleanStory::publishedOn)
                .containsExactly(LocalDate.of(2022, 10, 18), LocalDate.of(2022, 10, 19));
        assertThat(stories).allMatch(CleanStory::datedFromText);
    }

    @Test
    void readsRussianAndTajikDatelinesAndBylinesAndKeepsCyrillicHeadlines() {
        String page = """
                Пограничники задержали контрабандистов на реке Пяндж

                Душанбе, 16 ноября 2026 года

                Автор: Зарина Каримова

                Пограничники отряда «Пяндж» задержали двух граждан Афганистана, пытавшихся переправить через реку
                18 килограммов гашиша. Задержанные переданы следствию.

                Фото: пресс-служба
                """;

        CleanStory story = cleaner.clean(page, LocalDate.of(2026, 11, 20)).get(0);

        assertThat(story.title()).isEqualTo("Пограничники задержали контрабандистов на реке Пяндж");
        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(story.datedFromText()).isFalse();
        assertThat(story.author()).isEqualTo("Зарина Каримова");
        assertThat(story.body()).startsWith("Пограничники отряда").doesNotContain("Автор", "Душанбе, 16");
    }

    @Test
    void keepsSubheadingsInsideOneStoryWithoutTerminators() {
        String page = """
                Turkmenistan expands patrols on the Afghan frontier

                By Jane Doe, Central Asia Desk

                The border service has added new patrol units along the southern frontier this spring.

                Drones join the patrols

                Officials said surveillance drones would now fly over the most remote stretches of the border.

                Villagers worried

                Residents of nearby villages said they feared the new restrictions on grazing would hurt them.
                """;

        List<CleanStory> stories = cleaner.clean(page);

        assertThat(stories).singleElement().satisfies(story -> {
            assertThat(story.title()).isEqualTo("Turkmenistan expands patrols on the Afghan frontier");
            assertThat(story.author()).isEqualTo("Jane Doe");
            assertThat(story.body().split("\n\n"))
                    .containsExactly(
                            "The border service has added new patrol units along the southern frontier this spring.",
                            "Drones join the patrols",
                            "Officials said surveillance drones would now fly over the most remote stretches of the border.",
                            "Villagers worried",
                            "Residents of nearby villages said they feared the new restrictions on grazing would hurt them.");
        });
    }

    @Test
    void dropsPhotoCaptionsWithBracketedCredits() {
        String page = """
                Turkmenistan expands patrols on the Afghan frontier

                Soldiers stand guard at a checkpoint near Serhetabat. [Photo: Ministry of Defence]

                The border service has added new patrol units along the southern frontier this spring.
                """;

        assertThat(cleaner.clean(page).get(0).body())
                .isEqualTo("The border service has added new patrol units along the southern frontier this spring.");
    }

    @Test
    void acceptsCrlfAndCrLineEndingsAndOddWhitespace() {
        String lf = """
                Border guards detain heroin couriers on the Panj river

                20.10.2022

                Border guards in the Khatlon region detained three men\ton Tuesday, the agency said.

                They face up to 20 years in prison.
                """;
        String crlf = lf.replace("\n", "\r\n");
        String cr = lf.replace("\n", "\r");
        String nbsp = lf.replace("\n\n", "\n\u00A0\u00A0\n").replace(" the agency", "\u2009\u00A0the agency");

        List<CleanStory> expected = cleaner.clean(lf);

        assertThat(expected).singleElement().satisfies(story -> {
            assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2022, 10, 20));
            assertThat(story.body())
                    .isEqualTo("Border guards in the Khatlon region detained three men on Tuesday, the agency said.\n\n"
                            + "They face up to 20 years in prison.");
        });
        assertThat(cleaner.clean(crlf)).isEqualTo(expected);
        assertThat(cleaner.clean(cr)).isEqualTo(expected);
        assertThat(cleaner.clean(nbsp)).isEqualTo(expected);
    }

    @Test
    void returnsNoStoriesForEmptyOrBlankInput() {
        assertThat(cleaner.clean(null)).isEmpty();
        assertThat(cleaner.clean("")).isEmpty();
        assertThat(cleaner.clean(" \n\u00A0\r\n\t\n")).isEmpty();
    }

    @Test
    void returnsNoStoriesForAPageOfNothingButChrome() {
        String page = """
                wrapper

                Sunday, Jun 23, 2024
                USD/EUR 0,92 ↑+0.0002 USD/JPY 151,69 ↑+0.174 USD/KRW 1.347,35 ↑+6.1

                Rate this item
                (0 votes)

                Read 160 times

                Latest news
                Media
                """;

        assertThat(cleaner.clean(page)).isEmpty();
    }

    @Test
    void cleansAMegabyteOfTextInLinearTime() {
        StringBuilder page = new StringBuilder("A very long report on border security\n\n");
        while (page.length() < 1_000_000) {
            page.append(BORDER_PARAGRAPH)
                    .append(" [see annex ")
                    .append(page.length())
                    .append("]\n\n");
        }
        // a single huge line full of near-misses for the patterns
        page.append("USD/".repeat(20_000)).append("[photo ".repeat(20_000)).append("\n");

        List<CleanStory> stories =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cleaner.clean(page.toString()));

        assertThat(stories)
                .singleElement()
                .satisfies(story -> assertThat(story.body().length()).isGreaterThan(900_000));
    }
}
