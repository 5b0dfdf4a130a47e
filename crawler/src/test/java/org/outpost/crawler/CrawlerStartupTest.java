package org.outpost.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.crawler.source.SourceRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

@Tag(TestDatabases.TAG)
class CrawlerStartupTest {

    private final DataSource database = migrated();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final SourceRepository sources = new SourceRepository(jdbc);
    private final CrawlerStartup startup = new CrawlerStartup(sources, null, null, jdbc);

    @Test
    void aNewDatabaseGetsEveryDefaultSourceOnce() {
        startup.addDefaultsOnce();
        startup.addDefaultsOnce();

        assertThat(names())
                .containsExactlyInAnyOrderElementsOf(DefaultSources.load().stream()
                        .map(SourceDefinition::name)
                        .toList());
    }

    @Test
    void aDatabaseSetUpByTheFirstListGetsTheLaterSourcesButNotTheOnesAnAdminDeleted() {
        for (SourceDefinition definition : DefaultSources.since(1)) {
            sources.insert(definition.validate(), null);
        }
        jdbc.sql("insert into crawler_setup (step, applied_at) values ('default-sources-v1', ?)")
                .param(Timestamp.from(Instant.now()))
                .update();
        String deleted = DefaultSources.since(1).getFirst().name();
        sources.delete(sources.findByName(deleted).orElseThrow().id());

        startup.addDefaultsOnce();

        assertThat(DefaultSources.since(2))
                .as("the Russian-language outlets came with list version 2")
                .isNotEmpty();
        assertThat(names())
                .doesNotContain(deleted)
                .containsAll(DefaultSources.since(2).stream()
                        .map(SourceDefinition::name)
                        .toList());
        assertThat(sources.findAll())
                .filteredOn(s -> s.name().equals("Avesta"))
                .singleElement()
                .satisfies(s -> assertThat(s.enabled()).isFalse());
    }

    private List<String> names() {
        return sources.findAll().stream().map(Source::name).toList();
    }

    private static DataSource migrated() {
        DataSource dataSource = TestDatabases.dataSource("startup-" + UUID.randomUUID());
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        return dataSource;
    }
}
