package org.outpost.dashboard.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.corpus.SeedPages.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outpost.core.classify.Classification;
import org.outpost.core.classify.Classifier;
import org.outpost.core.entity.Entity;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.entity.Mention;
import org.outpost.core.language.Language;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;
import org.outpost.seeds.SampleCorpus;
import org.outpost.seeds.SampleDocument;

/**
 * The eight regional briefs of the sample corpus through the steps the folder source runs them through: the page
 * cleaner makes one dated article of each, and the classifier (declared language from the manifest, as ingest passes
 * it) keeps its language, tags the places it names, in English and in Russian inflections, and labels its topics.
 */
class SeedBriefsTest {

    private static final Classifier CLASSIFIER = Classifier.defaults();
    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());
    private static final Map<String, SampleDocument> CORPUS =
            SampleCorpus.load().documents().stream().collect(Collectors.toMap(SampleDocument::file, d -> d));

    /** What each brief must come out as: its date line, language, places and at least one of the topics. */
    private record Expected(LocalDate date, Language language, Set<String> places, Set<String> anyTopic) {}

    private static final Map<String, Expected> EXPECTED = Map.of(
            VORUKH_CLASHES_2021,
            new Expected(
                    LocalDate.of(2021, 4, 30),
                    Language.EN,
                    Set.of("place:Vorukh", "region:Batken", "place:Isfara", "place:Bishkek"),
                    Set.of("border_conflict")),
            BATKEN_FIGHTING_2022,
            new Expected(
                    LocalDate.of(2022, 9, 17),
                    Language.EN,
                    Set.of("place:Vorukh", "region:Batken", "place:Samarkand"),
                    Set.of("border_conflict")),
            KHOROG_PROTEST_2021,
            new Expected(
                    LocalDate.of(2021, 11, 29),
                    Language.EN,
                    Set.of("place:Khorog", "region:Gorno-Badakhshan"),
                    Set.of("human_rights")),
            PANJ_SMUGGLING_2025,
            new Expected(
                    LocalDate.of(2025, 8, 5),
                    Language.EN,
                    Set.of("place:Panj", "region:Khatlon", "region:Badakhshan"),
                    Set.of("drug_trafficking")),
            BORDER_TREATY_2025_RU,
            new Expected(
                    LocalDate.of(2025, 3, 13),
                    Language.RU,
                    Set.of("place:Vorukh", "region:Batken", "place:Bishkek", "place:Khujand"),
                    Set.of("border_conflict", "international_cooperation")),
            KHOROG_OPERATION_2022_RU,
            new Expected(
                    LocalDate.of(2022, 5, 23),
                    Language.RU,
                    Set.of("place:Khorog", "place:Rushan", "region:Gorno-Badakhshan", "place:Dushanbe"),
                    Set.of("human_rights", "organized_crime", "terrorism")),
            CEASEFIRE_2022_RU,
            new Expected(
                    LocalDate.of(2022, 9, 20),
                    Language.RU,
                    Set.of("place:Vorukh", "region:Batken", "place:Samarkand"),
                    Set.of("border_conflict")),
            PANJ_SMUGGLING_2026_RU,
            new Expected(
                    LocalDate.of(2026, 2, 11),
                    Language.RU,
                    Set.of("place:Panj", "region:Khatlon", "region:Takhar"),
                    Set.of("drug_trafficking")));

    private final PageCleaner cleaner = new PageCleaner();

    @Test
    void everyBriefIsInTheManifestInTheLanguageItIsWrittenIn() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(BRIEFS);
        for (String brief : BRIEFS) {
            assertThat(CORPUS).containsKey(brief);
            assertThat(CORPUS.get(brief).language())
                    .isEqualTo(EXPECTED.get(brief).language().code());
        }
    }

    @Test
    void eachBriefIsCleanedIntoOneArticleDatedByItsDateLine() {
        for (String brief : BRIEFS) {
            List<CleanStory> stories = cleaner.clean(SeedPages.read(brief));

            assertThat(stories).as(brief).singleElement().satisfies(story -> {
                assertThat(story.publishedOn()).isEqualTo(EXPECTED.get(brief).date());
                assertThat(story.datedFromText()).as("dated by its date line").isFalse();
                assertThat(story.title()).isNotBlank().hasSizeLessThan(120);
                assertThat(story.body())
                        .hasSizeGreaterThan(1000)
                        .doesNotContain(story.title())
                        .doesNotStartWith(EXPECTED.get(brief).date().toString());
                assertThat(story.attribution()).isNull();
            });
        }
    }

    @Test
    void eachBriefKeepsItsLanguageNamesItsPlacesAndIsLabelledWithItsTopic() {
        for (String brief : BRIEFS) {
            CleanStory story = cleaner.clean(SeedPages.read(brief)).getFirst();
            Expected expected = EXPECTED.get(brief);

            Classification classification =
                    CLASSIFIER.classify(CORPUS.get(brief).language(), story.title(), story.body());

            assertThat(classification.language()).as(brief).isEqualTo(expected.language());
            // the text alone tells the same: the manifest's word is not what decides
            assertThat(CLASSIFIER.classify(story.title(), story.body()).language())
                    .as(brief)
                    .isEqualTo(expected.language());
            assertThat(classification.entities())
                    .as("entities of %s", brief)
                    .extracting(Entity::typed)
                    .containsAll(expected.places());
            assertThat(classification.topics().labels())
                    .as("topics of %s", brief)
                    .containsAnyElementsOf(expected.anyTopic());
        }
    }

    @Test
    void theMapsPlacesBeyondDushanbeAreEachNamedInAnEnglishAndARussianBrief() {
        // Dushanbe is named by the scraped pages (SeedEntityTaggingTest); the briefs bring the other four
        for (String place : List.of("place:Khorog", "place:Panj", "place:Vorukh", "region:Batken")) {
            for (Language language : List.of(Language.EN, Language.RU)) {
                assertThat(BRIEFS.stream()
                                .filter(b -> EXPECTED.get(b).language() == language)
                                .anyMatch(b -> typed(b).contains(place)))
                        .as("%s in a brief in %s", place, language)
                        .isTrue();
            }
        }
    }

    @Test
    void russianBriefsAreTaggedInTheCaseTheSentenceNeeds() {
        // the gazetteer lists the dictionary forms (Хорог, Ворух, Пяндж, Баткенская область); the text declines them
        assertThat(matched(KHOROG_OPERATION_2022_RU, "place:Khorog")).contains("Хороге", "Хорога", "Хорогу");
        assertThat(matched(CEASEFIRE_2022_RU, "place:Vorukh")).contains("Воруха");
        assertThat(matched(CEASEFIRE_2022_RU, "region:Batken")).contains("Баткенской области");
        assertThat(matched(PANJ_SMUGGLING_2026_RU, "place:Panj")).contains("Пяндже", "Пянджском районе");
        // and a place's adjective stands for the place, as the name does in English ("the Panj border unit")
        assertThat(matched(PANJ_SMUGGLING_2026_RU, "place:Panj")).contains("Пянджского");
        assertThat(matched(KHOROG_OPERATION_2022_RU, "region:Gorno-Badakhshan"))
                .contains("Горно-Бадахшанской автономной области", "Горным Бадахшаном");
    }

    private static List<String> typed(String brief) {
        return TAGGER.tag(SeedPages.read(brief)).stream().map(Entity::typed).toList();
    }

    /** The distinct texts that matched one entity in a brief. */
    private static List<String> matched(String brief, String typed) {
        return TAGGER.mentions(SeedPages.read(brief)).stream()
                .filter(m -> m.entity().typed().equals(typed))
                .map(Mention::text)
                .distinct()
                .toList();
    }
}
