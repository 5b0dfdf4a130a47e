package org.outpost.crawler;

import static org.assertj.core.api.Assertions.assertThat;

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
class SourceServiceTest {

    private final SourceRepository repository = new SourceRepository(JdbcClient.create(migrated()));
    // addIfAbsent needs neither the scheduler nor the crawler
    private final SourceService service = new SourceService(repository, null, null, null, null, null, null);

    @Test
    void aSourceTheApplicationAddsIsAddedOnceAndThenTheOneThereIsIsReturned() {
        Source first = service.addIfAbsent(folder("/data/sample-corpus"));
        Source again = service.addIfAbsent(folder("/elsewhere/sample-corpus"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.url()).isEqualTo("/data/sample-corpus");
        assertThat(first.owner()).as("added by the application, not by a user").isNull();
        assertThat(repository.findAll()).extracting(Source::name).containsExactly("Sample corpus");
    }

    private static SourceDefinition folder(String path) {
        return new SourceDefinition("Sample corpus", "folder", path, "PT24H", "UTC", true, "en", null, null, false);
    }

    private static DataSource migrated() {
        DataSource dataSource = TestDatabases.dataSource("sources-" + UUID.randomUUID());
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        return dataSource;
    }
}
