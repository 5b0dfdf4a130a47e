package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading gazetteer files: the bundled one, a deployment's own, additions, and the errors a bad file gives. */
class GazetteerTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void bundledGazetteerIsGenerousAndCoversEveryType() {
        Gazetteer gazetteer = Gazetteer.defaults();
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        gazetteer.entities().forEach(e -> counts.merge(e.type(), 1, Integer::sum));

        assertThat(gazetteer.size())
                .isGreaterThanOrEqualTo(150)
                .isEqualTo(gazetteer.entities().size());
        assertThat(counts.keySet()).containsExactlyInAnyOrder(EntityType.values());
        assertThat(counts)
                .allSatisfy((type, count) -> assertThat(count).as(type.key()).isGreaterThanOrEqualTo(10));
        assertThat(gazetteer.aliasesOf(new Entity(EntityType.PERSON, "Emomali Rahmon")))
                .startsWith("Emomali Rahmon")
                .contains("Rakhmonov");
        assertThat(Gazetteer.defaults()).isSameAs(gazetteer);
    }

    @Test
    void bundledGazetteerHasNoDemonymAliases() {
        Gazetteer gazetteer = Gazetteer.defaults();
        for (Entity entity : gazetteer.entities()) {
            assertThat(gazetteer.aliasesOf(entity))
                    .as(entity.typed())
                    .doesNotContain(
                            "Tajik",
                            "Kyrgyz",
                            "Uzbek",
                            "Kazakh",
                            "Turkmen",
                            "Afghan",
                            "Russian",
                            "Chinese",
                            "IS",
                            "Ansarullah");
        }
    }

    @Test
    void loadsADeploymentsOwnFileInPlaceOfTheBundledOne() throws IOException {
        Path file = write("mine.yml", """
                # a deployment's gazetteer
                entities:
                  - type: place
                    name: Rasht
                    aliases: [Gharm]
                  - type: person
                    name: Some Official
                    aliases: Official
                """);

        Gazetteer gazetteer = Gazetteer.load(file);
        EntityTagger tagger = new EntityTagger(gazetteer);

        assertThat(gazetteer.size()).isEqualTo(2);
        assertThat(tagger.tag("From Gharm to Dushanbe, said the Official"))
                .extracting(Entity::typed)
                .containsExactly("place:Rasht", "person:Some Official");
    }

    @Test
    void extendedWithAddsEntitiesAndAliasesOfKnownEntities() {
        Gazetteer additions = Gazetteer.fromYaml("""
                entities:
                  - type: place
                    name: Rasht
                  - type: person
                    name: Emomali Rahmon
                    aliases: [Leader of the Nation]
                """, "additions.yml");

        Gazetteer extended = Gazetteer.defaults().extendedWith(additions);
        EntityTagger tagger = new EntityTagger(extended);

        assertThat(extended.size()).isEqualTo(Gazetteer.defaults().size() + 1);
        assertThat(tagger.tag("the Leader of the Nation visited Rasht"))
                .extracting(Entity::typed)
                .containsExactly("person:Emomali Rahmon", "place:Rasht");
        assertThat(new EntityTagger(Gazetteer.defaults()).tag("the Leader of the Nation visited Rasht"))
                .isEmpty();
    }

    @Test
    void extendedWithRejectsAnAliasThatAlreadyStandsForAnotherEntityOfItsType() {
        Gazetteer additions = Gazetteer.fromYaml("""
                entities:
                  - type: org
                    name: Union of Europeans
                    aliases: [EU]
                """, "additions.yml");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.defaults().extendedWith(additions))
                .withMessageContaining("additions.yml: entries[0] (org:Union of Europeans)")
                .withMessageContaining("alias 'EU' already stands for org:European Union");
    }

    @Test
    void rejectsAnUnknownTypeNamingFileEntryAndType() throws IOException {
        Path file = write("bad-type.yml", """
                entities:
                  - type: country
                    name: Tajikistan
                  - type: city
                    name: Dushanbe
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.load(file))
                .withMessageContaining(file.toString())
                .withMessageContaining("entries[1] ('Dushanbe')")
                .withMessageContaining("unknown entity type 'city'")
                .withMessageContaining("country, region, place, org, group, person");
    }

    @Test
    void rejectsAMissingName() throws IOException {
        Path file = write("no-name.yml", """
                entities:
                  - type: country
                    name: Tajikistan
                  - type: org
                    aliases: [CSTO]
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.load(file))
                .withMessageContaining(file.toString())
                .withMessageContaining("entries[1]")
                .withMessageContaining("missing name");
    }

    @Test
    void rejectsAMissingType() throws IOException {
        Path file = write("no-type.yml", """
                entities:
                  - name: Tajikistan
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.load(file))
                .withMessageContaining("entries[0] ('Tajikistan')")
                .withMessageContaining("missing type");
    }

    @Test
    void rejectsAnAliasMappingToTwoEntitiesOfTheSameType() throws IOException {
        Path file = write("duplicate.yml", """
                entities:
                  - type: person
                    name: Emomali Rahmon
                    aliases: [Rahmon]
                  - type: person
                    name: Yusuf Rahmon
                    aliases: [rahmon]
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.load(file))
                .withMessageContaining(file + ": entries[1] (person:Yusuf Rahmon)")
                .withMessageContaining("alias 'rahmon' already stands for person:Emomali Rahmon")
                .withMessageContaining("entries[0]");
    }

    @Test
    void allowsOneAliasForEntitiesOfDifferentTypesAndMergesRepeatedEntries() {
        Gazetteer gazetteer = Gazetteer.fromYaml("""
                entities:
                  - type: place
                    name: Batken
                  - type: region
                    name: Batken Region
                    aliases: [Batken]
                  - type: place
                    name: Batken
                    aliases: [Batken town]
                """, "ok.yml");

        assertThat(gazetteer.size()).isEqualTo(2);
        assertThat(gazetteer.aliasesOf(new Entity(EntityType.PLACE, "Batken")))
                .containsExactly("Batken", "Batken town");
        assertThat(new EntityTagger(gazetteer).tag("in Batken"))
                .extracting(Entity::typed)
                .containsExactly("place:Batken", "region:Batken Region");
    }

    @Test
    void rejectsUnknownKeysAndBadShapes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        Gazetteer.fromYaml("entities:\n  - type: org\n    name: UN\n    alias: [U.N.]\n", "f.yml"))
                .withMessageContaining("f.yml: entries[0]")
                .withMessageContaining("unknown key 'alias'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.fromYaml("entity:\n  - type: org\n    name: UN\n", "f.yml"))
                .withMessageContaining("unknown top-level key 'entity'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.fromYaml("", "f.yml"))
                .withMessageContaining("f.yml: empty file");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.fromYaml("entities: [a, b]\n", "f.yml"))
                .withMessageContaining("entries[0]: expected a mapping");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Gazetteer.fromYaml("entities:\n  - type: org\n    name: UN\n    case: lower\n", "f.yml"))
                .withMessageContaining("unknown case rule 'lower'");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Gazetteer.fromYaml("entities:\n  - {type: org, name: UN, aliases: [\"\"]}\n", "f.yml"))
                .withMessageContaining("aliases[0] is not a non-blank text");
    }

    @Test
    void rejectsAliasesThatCouldNeverMatch() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Gazetteer.fromYaml("entities:\n  - {type: org, name: UN, aliases: [\"--\"]}\n", "f.yml"))
                .withMessageContaining("alias '--' has no word to match");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.fromYaml(
                        "entities:\n  - {type: place, name: Saint Petersburg, aliases: [St. Petersburg]}\n", "f.yml"))
                .withMessageContaining("alias 'St. Petersburg' has punctuation between its words");
    }

    @Test
    void rejectsMalformedYamlNamingTheFile() throws IOException {
        Path file = write("broken.yml", "entities:\n  - type: org\n    name: [unclosed\n");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.load(file))
                .withMessageContaining(file + ": not valid YAML");
    }

    @Test
    void aMissingFileIsAnIoError() {
        Path missing = dir.resolve("missing.yml");

        assertThatThrownBy(() -> Gazetteer.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void anEmptyEntitiesListIsAnEmptyGazetteer() {
        Gazetteer empty = Gazetteer.fromYaml("entities: []\n", "empty.yml");

        assertThat(empty.size()).isZero();
        assertThat(new EntityTagger(empty).tag("Tajikistan and the UN")).isEmpty();
        assertThat(Gazetteer.defaults().extendedWith(empty).size())
                .isEqualTo(Gazetteer.defaults().size());
    }

    @Test
    void everyBundledEntityHasARussianDisplayName() {
        Gazetteer gazetteer = Gazetteer.defaults();
        java.util.Locale russian = java.util.Locale.forLanguageTag("ru");
        assertThat(gazetteer.entities())
                .allSatisfy(entity -> assertThat(gazetteer.displayName(entity.typed(), russian))
                        .as(entity.typed())
                        .isNotEqualTo(entity.name()));
    }

    @Test
    void displayNamesAreMatchedAndTheFirstEntryThatGivesOneWins() {
        Gazetteer gazetteer = Gazetteer.fromYaml("""
                entities:
                  - {type: place, name: Dushanbe, names: {ru: Душанбе, tg: Душанбе}}
                  - {type: place, name: Dushanbe, names: {ru: Сталинабад}}
                """, "names.yml");
        java.util.Locale russian = java.util.Locale.forLanguageTag("ru-RU");

        assertThat(gazetteer.displayName("place:Dushanbe", russian)).isEqualTo("Душанбе");
        assertThat(gazetteer.displayName("place:Dushanbe", java.util.Locale.ENGLISH))
                .isEqualTo("Dushanbe");
        assertThat(new EntityTagger(gazetteer).tag("Сталинабад и Душанбе"))
                .extracting(Entity::typed)
                .containsExactly("place:Dushanbe");
        assertThat(gazetteer.aliasesOf(new Entity(EntityType.PLACE, "Dushanbe")))
                .containsExactly("Dushanbe", "Душанбе", "Сталинабад");
    }

    @Test
    void rejectsDisplayNamesOfUnknownLanguagesOrShapes() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Gazetteer.fromYaml("entities:\n  - {type: org, name: UN, names: {xx: ООН}}\n", "f.yml"))
                .withMessageContaining("f.yml: entries[0]")
                .withMessageContaining("names: unknown language 'xx'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Gazetteer.fromYaml("entities:\n  - {type: org, name: UN, names: [ООН]}\n", "f.yml"))
                .withMessageContaining("'names' must be a mapping");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Gazetteer.fromYaml("entities:\n  - {type: org, name: UN, names: {ru: ''}}\n", "f.yml"))
                .withMessageContaining("names.ru is not a non-blank text");
    }

    @Test
    void readsPositionsAndCountriesAndTheFirstEntryThatGivesOneWins() {
        Gazetteer gazetteer = Gazetteer.fromYaml("""
                entities:
                  - {type: country, name: Tajikistan, at: [38.86, 71.28]}
                  - {type: place, name: Vorukh, at: [39.85, 70.57], in: Tajikistan}
                  - {type: place, name: Vorukh, names: {ru: Ворух}, at: [1, 1], in: Kyrgyzstan}
                  - {type: region, name: Batken, in: ' Kyrgyzstan '}
                """, "at.yml");

        assertThat(gazetteer.position("place:Vorukh")).contains(new org.outpost.core.entity.geo.GeoPoint(39.85, 70.57));
        assertThat(gazetteer.countryOf("place:Vorukh")).contains("Tajikistan");
        assertThat(gazetteer.position("region:Batken")).isEmpty();
        assertThat(gazetteer.countryOf("region:Batken")).contains("Kyrgyzstan");
        assertThat(gazetteer.countryOf("country:Tajikistan")).contains("Tajikistan");
        assertThat(gazetteer.countryOf("country:Atlantis")).isEmpty();
        assertThat(gazetteer.position("place:Atlantis")).isEmpty();
        assertThat(gazetteer.displayName("place:Vorukh", java.util.Locale.forLanguageTag("ru")))
                .isEqualTo("Ворух");
    }

    @Test
    void rejectsAMalformedPositionOrCountryNamingTheEntry() {
        String[][] cases = {
            {"{type: place, name: Vorukh, at: [39.85]}", "'at' must be [lat, lon]"},
            {"{type: place, name: Vorukh, at: '39.85, 70.57'}", "'at' must be [lat, lon]"},
            {"{type: place, name: Vorukh, at: [39.85, east]}", "'at' must be [lat, lon]"},
            {"{type: place, name: Vorukh, at: [70.57, 39.85, 1]}", "'at' must be [lat, lon]"},
            {"{type: place, name: Vorukh, at: [139.85, 70.57]}", "latitude 139.85 is not between -90 and 90"},
            {"{type: place, name: Vorukh, at: [39.85, 270.57]}", "longitude 270.57 is not between -180 and 180"},
            {"{type: person, name: Vorukh, at: [39.85, 70.57]}", "'at' (a position) is for countries, regions and"},
            {"{type: country, name: Vorukh, in: Tajikistan}", "'in' (the country it is in) is for regions and places"},
            {"{type: place, name: Vorukh, in: [Tajikistan]}", "'in' must be a text"},
        };
        for (String[] c : cases) {
            assertThatIllegalArgumentException()
                    .as(c[0])
                    .isThrownBy(() ->
                            Gazetteer.fromYaml("entities:\n  - {type: org, name: UN}\n  - " + c[0] + "\n", "f.yml"))
                    .withMessageContaining("f.yml: entries[1] ('Vorukh')")
                    .withMessageContaining(c[1]);
        }
    }
}
