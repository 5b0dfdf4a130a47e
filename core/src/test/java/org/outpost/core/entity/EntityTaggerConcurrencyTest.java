package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One tagger shared by many threads, and its speed on a large text. */
class EntityTaggerConcurrencyTest {

    private static final String PARAGRAPH = """
            DUSHANBE -- Tajikistan's State Committee for National Security (GKNB) said on Tuesday that members of \
            the Islamic State Khorasan Province had crossed from Afghanistan's Badakhshan into Gorno-Badakhshan. \
            President Emomali Rahmon asked the CSTO and the SCO for help, while the UN, the OSCE and the European \
            Union (EU) urged restraint. Rakhmonov met Vladimir Putin in Moscow; António Guterres spoke from Geneva. \
            Unarmed Cisco engineers were unaffected, and the unusual cis isomers were, too.
            """;

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

    private static String bigText(int minChars) {
        StringBuilder text = new StringBuilder(minChars + PARAGRAPH.length());
        int i = 0;
        while (text.length() < minChars) {
            text.append(PARAGRAPH.replace("Tuesday", "day " + i++)).append('\n');
        }
        return text.toString();
    }

    @Test
    void eightThreadsTaggingAtOnceGetIdenticalResults() throws Exception {
        String text = bigText(200_000);
        List<Mention> expected = TAGGER.mentions(text);
        assertThat(expected).hasSizeGreaterThan(1000);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Mention>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<Mention>> job = () -> {
                    start.await();
                    List<Mention> last = List.of();
                    for (int round = 0; round < 5; round++) {
                        last = TAGGER.mentions(text);
                    }
                    return last;
                };
                results.add(pool.submit(job));
            }
            start.countDown();
            for (Future<List<Mention>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMegabyteOfTextTagsWellUnderAGenerousBound() {
        String text = bigText(1_000_000);
        TAGGER.mentions(PARAGRAPH); // load classes

        long started = System.nanoTime();
        List<Entity> entities = TAGGER.tag(text);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(entities).extracting(Entity::typed)
                .contains("country:Tajikistan", "group:Islamic State Khorasan Province", "person:Emomali Rahmon")
                .doesNotContain("org:CIS");
        assertThat(took).as("tagging 1 MB took %s", took).isLessThan(Duration.ofSeconds(5));
    }
}
