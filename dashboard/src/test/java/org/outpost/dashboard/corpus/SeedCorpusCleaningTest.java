package org.outpost.dashboard.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.corpus.SeedPages.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;

/** The page cleaner against the five scraped pages of the seed corpus, as the seeds module ships them. */
class SeedCorpusCleaningTest {

    private static final List<String> NOISE = List.of(
            "USD/",
            "Rate this item",
            "votes)",
            "Read 160 times",
            "Do you like this article",
            "Comment(s)",
            "Comment Policy",
            "Copyright (c)",
            "Reprinted with the permission",
            "[Odnoklassniki photo");
    private static final List<String> NOISE_PARAGRAPHS = List.of("wrapper", "Media");
    private static final List<String> NOISE_PARAGRAPH_STARTS = List.of("Source:", "Publication:");

    private final PageCleaner cleaner = new PageCleaner();

    @Test
    void findsThirteenStoriesInTheFiveSeedPages() {
        assertThat(ALL_SEEDS).extracting(name -> clean(name).size()).containsExactly(1, 1, 1, 9, 1);
        assertThat(ALL_SEEDS.stream().mapToInt(name -> clean(name).size()).sum())
                .isEqualTo(13);
    }

    @Test
    void interviewIsDatedByItsDatelineNotByTheTickerRenderDate() {
        CleanStory story = clean(INTERVIEW).get(0);

        assertThat(story.title())
                .isEqualTo("International cooperation against transnational crime, terrorism and the drug trade");
        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2015, 2, 2));
        assertThat(story.body())
                .startsWith("The Minister of Internal Affairs of the Republic of Tajikistan, HE Ramazon Rakhimzoda,")
                .doesNotContain("Update At", "Jun 23, 2024", "Interview - February 2, 2015");
    }

    @Test
    void interpolStoryKeepsItsSubheadingsAndEndsWithTheLastQuote() {
        List<CleanStory> stories = clean(INTERPOL);

        assertThat(stories).singleElement().satisfies(story -> {
            assertThat(story.title()).isEqualTo("Tajikistan co-operates with Interpol to fight trans-national crime");
            assertThat(story.author()).isEqualTo("Nadin Bahrom");
            // no dateline: the "September 19-20 Interpol conference" of the page's latest year, 2016
            assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2016, 9, 19));
            assertThat(story.datedFromText()).isTrue();
            assertThat(paragraphs(story))
                    .contains(
                            "Dozens of returnees gain amnesty", "Militants' defeat raises more dangers for Tajikistan");
            assertThat(paragraphs(story)).first().asString().startsWith("DUSHANBE -- Tajikistan is strengthening");
            assertThat(story.body())
                    .endsWith("\"We should be confident that our army will not fail us,\" he said. "
                            + "\"Together, we can resist any threats.\"");
        });
    }

    @Test
    void monitorPageWithoutHeadlineGetsItsTitleFromTheFirstSentence() {
        CleanStory story = clean(MONITOR).get(0);

        assertThat(story.title())
                .startsWith("On March 14 Tajikistan’s parliament finally passed legislation")
                .hasSizeLessThanOrEqualTo(120);
        // the latest of its "(March 16)" source dates, in the latest year it names (2007)
        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2007, 3, 16));
        assertThat(story.datedFromText()).isTrue();
        assertThat(story.body()).startsWith("On March 14 Tajikistan’s parliament finally passed legislation");
    }

    @Test
    void digestIsSplitIntoItsNineStoriesAtTheirTerminators() {
        List<CleanStory> stories = clean(DIGEST);

        assertThat(stories)
                .extracting(CleanStory::title)
                .containsExactly(
                        "Prosecutor General Announces the Danger of a “Breakthrough” of the Tajik-Afghan Border",
                        "Dushanbe Host the High-Level International Conference on “International and Regional Border"
                                + " Security and Management Cooperation to Counter Terrorism and Prevent the Movement of"
                                + " Terrorists»",
                        "UN Secretary-General’s video message for international counter-terrorism conference in Dushanbe",
                        "Tajik FM Muhriddin Meets Head of the UN Counter-Terrorism Department Voronkov",
                        "China In Eurasia Briefing: Xi Eyes Security And Superpower Status",
                        "Dushanbe Accuses Bishkek Of Violating Cease-Fire Deal Along Tajik-Kyrgyz Border",
                        "Tajikistan Wages Renewed Crackdown On Independent Journalists, Bloggers",
                        "Meeting of the President of Tajikistan H.E. Emomali Rahmon with UN USG for Counter-Terrorism,"
                                + " Mr. Vladimir Voronkov",
                        "International high-level conference entitled “International and regional cooperation on security"
                                + " and border management to counter terrorism and prevent the movement of terrorists”");
        assertThat(stories)
                .extracting(CleanStory::attribution)
                .containsExactly(
                        "National information agency of Tajikistan",
                        "National information agency of Tajikistan",
                        "National information agency of Tajikistan",
                        "National information agency of Tajikistan",
                        "RFE/RL",
                        "RFE/RL",
                        "RFE/RL",
                        "United Nations in Tajikistan",
                        "Ministry of foreign affairs of the Republic of Tajikistan");
        // no datelines: each story's latest stated date, year-less ones ("on October 19") in the page's year
        assertThat(stories)
                .extracting(CleanStory::publishedOn)
                .containsExactly(
                        null,
                        LocalDate.of(2022, 10, 18),
                        null,
                        LocalDate.of(2022, 10, 17),
                        LocalDate.of(2022, 10, 16),
                        LocalDate.of(2022, 10, 19),
                        LocalDate.of(2022, 10, 17),
                        LocalDate.of(2022, 10, 19),
                        LocalDate.of(2022, 10, 18));
    }

    @Test
    void cariccPageIsDatedByItsDatelineAndKeepsItsListItems() {
        CleanStory story = clean(CARICC).get(0);

        assertThat(story.title())
                .isEqualTo(
                        "About participation of the CARICC delegation in the high-level international conference in Dushanbe");
        assertThat(story.publishedOn()).isEqualTo(LocalDate.of(2022, 10, 20));
        assertThat(paragraphs(story))
                .contains("- capacity building in conducting bilateral and multilateral anti-drug operations;");
        assertThat(story.body())
                .endsWith("the Dushanbe Declaration on Border Security and Management Cooperation to"
                        + " Counter Terrorism and Prevent the Movement of Terrorists was adopted.");
    }

    @Test
    void elevenOfTheThirteenStoriesAreDatedTwoByDatelineNineByTheirText() {
        List<CleanStory> stories =
                ALL_SEEDS.stream().flatMap(name -> clean(name).stream()).toList();

        assertThat(stories.stream().filter(s -> s.publishedOn() != null)).hasSize(11);
        assertThat(stories.stream().filter(CleanStory::datedFromText)).hasSize(9);
    }

    @Test
    void noBodyHoldsPageChromeOrItsOwnHeader() {
        List<CleanStory> stories =
                ALL_SEEDS.stream().flatMap(name -> clean(name).stream()).toList();

        assertThat(stories).hasSize(13).allSatisfy(story -> {
            assertThat(story.body()).isNotBlank().doesNotContain(NOISE);
            assertThat(paragraphs(story))
                    .doesNotContainAnyElementsOf(NOISE_PARAGRAPHS)
                    .noneMatch(paragraph -> NOISE_PARAGRAPH_STARTS.stream().anyMatch(paragraph::startsWith))
                    .doesNotContain(story.title());
        });
    }

    private List<CleanStory> clean(String seedName) {
        return cleaner.clean(SeedPages.read(seedName));
    }

    private static List<String> paragraphs(CleanStory story) {
        return Arrays.asList(story.body().split("\n\n"));
    }
}
