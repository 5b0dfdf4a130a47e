package org.outpost.alerts.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.Frequency;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;

/**
 * The promise behind "preview": a subscription's query text and its facet filters match the same
 * articles in the JVM (monitor, {@link FilterCheck}) as in the Elasticsearch index. Checked on a
 * small corpus with the syntax and filters users choose.
 */
class MonitorParityTest {

    private static final List<String> QUERIES = List.of(
            "heroin",
            "Heroin AND Khorog",
            "heroin OR opium",
            "border -Kyrgyzstan",
            "\"border guards\"",
            "smuggl*",
            "title:seized",
            "source:AKIpress",
            "topics:terrorism",
            "entities:country\\:Tajikistan",
            "(clash OR shooting) AND border",
            "NOT heroin AND border",
            "language:ru",
            "Rahmon~1",
            // Russian: other inflections, phrases in other forms, prefixes on stems, exclusions alone
            "героин",
            "границе",
            "\"задержали контрабандистов\"",
            "пограничник*",
            "героин -Хорог",
            "-героин",
            "Таджикистана AND title:героином",
            "ОДКБ OR CSTO",
            "растёт");

    private static final List<ArticleQuery.Filters> FILTERS = List.of(
            filters(Map.of("drug_trafficking", 0.0), List.of(), List.of(), List.of()),
            filters(Map.of("drug_trafficking", 0.9), List.of(), List.of(), List.of()),
            filters(Map.of("terrorism", 0.5, "border_conflicts", 0.0), List.of(), List.of(), List.of()),
            // scored 0.4 without the label: a minimum below it matches, the label alone does not
            filters(Map.of("border_security", 0.3), List.of(), List.of(), List.of()),
            filters(Map.of("border_security", 0.0), List.of(), List.of(), List.of()),
            filters(Map.of(), List.of("Asia-Plus", "Sputnik"), List.of(), List.of()),
            filters(Map.of(), List.of(), List.of("country:Tajikistan", "country:Kyrgyzstan"), List.of()),
            filters(Map.of(), List.of(), List.of(), List.of("ru")),
            filters(Map.of("drug_trafficking", 0.0), List.of("Fergana"), List.of(), List.of("en")),
            filters(Map.of("terrorism", 0.0), List.of(), List.of("country:Tajikistan"), List.of()));

    @Test
    void everyQueryMatchesTheSameArticlesInTheMonitorAsInTheIndex() {
        List<Article> corpus = corpus();
        ArticleSearch search = searchOf(corpus);
        SubscriptionMonitor monitor = new SubscriptionMonitor();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            subscriptions.add(subscription(i, QUERIES.get(i)));
        }
        monitor.load(subscriptions);

        Map<String, Set<String>> inMonitor = new java.util.HashMap<>();
        for (Article article : corpus) {
            for (Subscription s : monitor.match(article, Instant.now())) {
                inMonitor
                        .computeIfAbsent(s.query(), q -> new java.util.TreeSet<>())
                        .add(article.title());
            }
        }
        int nonEmpty = 0;
        for (String query : QUERIES) {
            Set<String> inIndex = search.search(new ArticleQuery(query, null, null, null, 0, 50)).items().stream()
                    .map(h -> h.article().title())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(inMonitor.getOrDefault(query, Set.of())).as(query).isEqualTo(inIndex);
            nonEmpty += inIndex.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries that match something").isGreaterThanOrEqualTo(QUERIES.size() - 1);
    }

    @Test
    void everyFilterAcceptsTheSameArticlesInMemoryAsInTheIndex() {
        List<Article> corpus = corpus();
        ArticleSearch search = searchOf(corpus);
        int nonEmpty = 0;
        for (ArticleQuery.Filters f : FILTERS) {
            Set<String> inMemory = corpus.stream()
                    .filter(a -> FilterCheck.passes(f, a))
                    .map(Article::title)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            Set<String> inIndex = search
                    .search(new ArticleQuery(null, null, null, null, 0, 50, f, ArticleQuery.Sort.NEWEST))
                    .items()
                    .stream()
                    .map(h -> h.article().title())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(inMemory).as(f.toString()).isEqualTo(inIndex);
            nonEmpty += inIndex.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("filters that match something").isGreaterThanOrEqualTo(FILTERS.size() - 1);
    }

    private static List<Article> corpus() {
        return List.of(
                a(
                        "Asia-Plus",
                        "Heroin seized in Khorog",
                        "Border guards seized 40 kg of heroin near Khorog.",
                        "en",
                        Map.of("drug_trafficking", 0.95, "border_security", 0.4),
                        List.of("drug_trafficking"),
                        List.of("country:Tajikistan")),
                a(
                        "AKIpress",
                        "Clash on the Kyrgyz border",
                        "Shooting broke out at the border with Kyrgyzstan.",
                        "en",
                        Map.of("border_conflicts", 0.8),
                        List.of("border_conflicts"),
                        List.of("country:Kyrgyzstan")),
                a(
                        "Fergana",
                        "Opium poppy fields destroyed",
                        "Police destroyed opium fields; smugglers fled.",
                        "en",
                        Map.of("drug_trafficking", 0.6),
                        List.of("drug_trafficking"),
                        List.of()),
                a(
                        "Asia-Plus",
                        "Militants detained",
                        "Security services detained militants plotting an attack.",
                        "en",
                        Map.of("terrorism", 0.45),
                        List.of("terrorism"),
                        List.of("country:Tajikistan")),
                a(
                        "Sputnik",
                        "Пограничники задержали контрабандистов",
                        "На границе задержаны контрабандисты.",
                        "ru",
                        Map.of(),
                        List.of(),
                        List.of()),
                a(
                        "Asia-Plus",
                        "President Rahman visits Khatlon",
                        "The president met border guards in Khatlon.",
                        "en",
                        Map.of(),
                        List.of(),
                        List.of("country:Tajikistan")),
                a(
                        "Asia-Plus",
                        "В Хороге изъяли партию героина",
                        "Пограничники Таджикистана задержали курьера с героином " + "у границы с Афганистаном.",
                        "ru",
                        Map.of("drug_trafficking", 0.9),
                        List.of("drug_trafficking"),
                        List.of("country:Tajikistan")),
                a(
                        "Sputnik",
                        "Героином торговали в Душанбе",
                        "Милиция задержала двоих; учения ОДКБ прошли без них.",
                        "ru",
                        Map.of("drug_trafficking", 0.7),
                        List.of("drug_trafficking"),
                        List.of("org:CSTO")),
                a(
                        "24.kg",
                        "Торговля на границе растет",
                        "Товарооборот вырос; CSTO не упоминается.",
                        "ru",
                        Map.of(),
                        List.of(),
                        List.of()));
    }

    private static ArticleSearch searchOf(List<Article> corpus) {
        ArticleIndex index = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "parity-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        index.index(corpus);
        index.refresh();
        return new ArticleSearch(TestElasticsearch.connection().client(), index.alias());
    }

    private static ArticleQuery.Filters filters(
            Map<String, Double> topics, List<String> sources, List<String> entities, List<String> languages) {
        return new ArticleQuery.Filters(topics, sources, entities, languages);
    }

    private static Article a(
            String source,
            String title,
            String body,
            String language,
            Map<String, Double> scores,
            List<String> topics,
            List<String> entities) {
        return Article.builder(source, title, body)
                .publishedAt(Instant.parse("2026-11-20T10:00:00Z"))
                .language(language)
                .build()
                .withClassification(scores, topics, entities);
    }

    private static Subscription subscription(long id, String query) {
        Instant now = Instant.now();
        return new Subscription(
                id,
                "aziza",
                "q" + id,
                query,
                ArticleQuery.Filters.NONE,
                Frequency.INSTANT,
                LocalTime.of(8, 0),
                DayOfWeek.MONDAY,
                ZoneOffset.UTC,
                List.of(new Channel.InApp()),
                false,
                false,
                null,
                null,
                null,
                now,
                now,
                org.outpost.alerts.subscription.QuietMode.USER,
                null,
                null,
                false,
                false,
                org.outpost.alerts.subscription.SpikeSensitivity.BALANCED,
                false,
                null);
    }
}
