package org.outpost.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.source.SourceDefinition;

class DefaultSourcesTest {

    @Test
    void everyDefaultSourceIsValidDisabledAndUniquelyNamed() {
        List<SourceDefinition.Valid> sources =
                DefaultSources.load().stream().map(SourceDefinition::validate).toList();

        assertThat(sources).allSatisfy(s -> {
            assertThat(s.enabled()).as(s.name()).isFalse();
            assertThat(s.language()).as(s.name()).isNotNull();
        });
        assertThat(sources).extracting(SourceDefinition.Valid::name).doesNotHaveDuplicates();
        assertThat(sources).extracting(SourceDefinition.Valid::url).doesNotHaveDuplicates();
    }

    @Test
    void theRegionsRussianLanguageOutletsAreListedAsRussian() {
        List<SourceDefinition.Valid> russian = DefaultSources.load().stream()
                .map(SourceDefinition::validate)
                .filter(s -> "ru".equals(s.language()))
                .toList();

        assertThat(russian)
                .extracting(SourceDefinition.Valid::name)
                .contains(
                        "24.kg",
                        "Asia-Plus (Russian)",
                        "Avesta",
                        "Sputnik Tajikistan",
                        "Khovar (Russian service)",
                        "AKIpress",
                        "Kaktus.media",
                        "Fergana",
                        "Kun.uz (Russian)",
                        "Gazeta.uz",
                        "Tengrinews",
                        "Zakon.kz (sitemap)",
                        "Orda.kz");
    }
}
