package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The publish stage against a real H2 database with the crawler's migrations. */
@Tag(TestDatabases.TAG)
class PublicationTest {

    private final DataSource dataSource = TestDatabases.dataSource(
            "publication" + UUID.randomUUID().toString().replace("-", ""));
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GenericApplicationContext context = new GenericApplicationContext();
    /** Events as the app's registry hands them to listeners: after the commit. */
    private final List<ArticleIndexed> heard = new CopyOnWriteArrayList<>();

    private final Publication publication;

    PublicationTest() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabases.flywayLocations())
                .load()
                .migrate();
        context.addApplicationListener((org.springframework.context.ApplicationListener<PayloadApplicationEvent<?>>)
                e -> {
                    if (e.getPayload() instanceof ArticleIndexed indexed
                            && TransactionSynchronizationManager.isActualTransactionActive()) {
                        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                heard.add(indexed);
                            }
                        });
                    }
                });
        context.refresh();
        publication = new Publication(
                context,
                new DataSourceTransactionManager(dataSource),
                new IngestMetrics(meters, new IngestQueue(jdbc)));
    }

    @Test
    void publishesWhatTheIndexHoldsAndTellsEveryCallerItsOutcome() {
        List<IngestPipeline.Settled> told = new CopyOnWriteArrayList<>();
        List<Publication.Outcome> outcomes = List.of(
                outcome("new", IngestOutcome.NEW, told), outcome("copy", IngestOutcome.DUPLICATE, told),
                outcome("changed", IngestOutcome.UPDATED, told), outcome("same", IngestOutcome.UNCHANGED, told),
                outcome("queued", IngestOutcome.QUEUED, told), outcome("refused", IngestOutcome.REJECTED, told));

        publication.settle(outcomes, () -> {});

        assertThat(heard)
                .extracting(ArticleIndexed::change)
                .containsExactly(
                        ArticleIndexed.Change.NEW,
                        ArticleIndexed.Change.DUPLICATE,
                        ArticleIndexed.Change.UPDATED,
                        ArticleIndexed.Change.UNCHANGED);
        assertThat(told)
                .extracting(IngestPipeline.Settled::outcome)
                .containsExactly(
                        IngestOutcome.NEW,
                        IngestOutcome.DUPLICATE,
                        IngestOutcome.UPDATED,
                        IngestOutcome.UNCHANGED,
                        IngestOutcome.QUEUED,
                        IngestOutcome.REJECTED);
        assertThat(meters.get("outpost.ingest.articles")
                        .tag("outcome", "new")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void whenRecordingFailsNothingIsPublishedAndNothingRecorded() {
        Publication.Outcome recorded = new Publication.Outcome(
                new IngestPipeline.Pending(
                        article("a"),
                        settled -> jdbc.sql(
                                        "insert into ingest_queue (article_id, article, enqueued_at) values ('a', '{}', current_timestamp)")
                                .update()),
                article("a"),
                IngestOutcome.NEW,
                null);
        Publication.Outcome failing = new Publication.Outcome(
                new IngestPipeline.Pending(article("b"), settled -> {
                    throw new IllegalStateException("the database went away");
                }),
                article("b"),
                IngestOutcome.NEW,
                null);

        assertThatThrownBy(() -> publication.settle(List.of(recorded, failing), () -> {}))
                .hasMessageContaining("the database went away");

        assertThat(heard).isEmpty();
        assertThat(jdbc.sql("select count(*) from ingest_queue")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theExtraRecordCommitsWithThePublications() {
        jdbc.sql("insert into ingest_queue (article_id, article, enqueued_at) values ('q', '{}', current_timestamp)")
                .update();

        publication.settle(
                List.of(outcome("q", IngestOutcome.NEW, new CopyOnWriteArrayList<>())),
                () -> jdbc.sql("delete from ingest_queue where article_id = 'q'")
                        .update());

        assertThat(heard).hasSize(1);
        assertThat(jdbc.sql("select count(*) from ingest_queue")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static Publication.Outcome outcome(String name, IngestOutcome outcome, List<IngestPipeline.Settled> told) {
        Article article = article(name);
        return new Publication.Outcome(new IngestPipeline.Pending(article, told::add), article, outcome, null);
    }

    private static Article article(String name) {
        return Article.builder("Wire", "Story " + name, "Text of story " + name + ".")
                .url("https://a.example/" + name)
                .build();
    }
}
