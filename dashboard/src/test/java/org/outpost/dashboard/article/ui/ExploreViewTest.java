package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.beans.factory.annotation.Autowired;

class ExploreViewTest extends ViewTest {

    @Test
    void explore_aBadQuery_isMarkedAtTheSearchBoxWithTheParsersReason() {
        ArticlesView view = navigate(ArticlesView.class);

        test(view.search).setValue("border AND (security");

        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage())
                .contains("the query ends too early")
                .contains("column 21");
        assertThat(view.grid.isVisible()).isFalse();
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "explore-viewer", roles = "VIEWER")
    void explore_aViewersLeadingWildcard_isRefusedUnderTheSearchBoxSayingWhyInTheirLanguage() {
        ArticlesView view = navigate(ArticlesView.class);

        test(view.search).setValue("*a*");

        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage())
                .contains("not allowed for your role")
                .contains("stan*");
        assertThat(view.grid.isVisible()).isFalse();

        test(view.search).setValue("border ".repeat(200));
        assertThat(view.search.getErrorMessage()).contains("at most 1,000 characters");

        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        ArticlesView russian = navigate(ArticlesView.class);
        test(russian.search).setValue("/her[o0]in/");
        assertThat(russian.search.isInvalid()).isTrue();
        assertThat(russian.search.getErrorMessage()).contains("недоступны для вашей роли");
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
    }

    @Test
    void explore_anAnalystsLeadingWildcard_runs() {
        ArticlesView view = navigate(ArticlesView.class);

        test(view.search).setValue("*a*");

        assertThat(view.search.isInvalid()).isFalse();
    }

    @Test
    void explore_aTopicFacet_narrowsTheResultsAndTheFacetCountSaysByHowMuch() {
        ArticlesView view = navigate(ArticlesView.class);
        settle(view.resultsLoading, view.facetsLoading);
        long all = count(view.summary.getText());
        String topic =
                view.facets.topics.getListDataView().getItems().findFirst().orElseThrow();
        String label = view.facets.topics.getItemLabelGenerator().apply(topic);
        long expected = Long.parseLong(label.replaceAll(".*\\((\\d+)\\)$", "$1"));

        view.facets.topics.setValue(Set.of(topic));
        settle(view.resultsLoading, view.facetsLoading);

        // the app is shared with tests that crawl: an article may arrive between the two searches, never leave
        long narrowed = count(view.summary.getText());
        long facetNow = Long.parseLong(
                view.facets.topics.getItemLabelGenerator().apply(topic).replaceAll(".*\\((\\d+)\\)$", "$1"));
        assertThat(narrowed)
                .isEqualTo(facetNow)
                .isGreaterThanOrEqualTo(expected)
                .isLessThanOrEqualTo(all + (narrowed - expected));
        assertThat(view.facets.topics.getValue()).containsExactly(topic); // kept when the new counts arrive
        assertThat(view.exportCsv.getHref()).contains("topic=" + topic);
        assertThat(addressBar()).last().asString().contains("topic=" + topic);
    }

    @Test
    void explore_sortedByNewest_listsTheNewestFirstAndSaysSo() {
        ArticlesView view = open(ArticlesView.class, Map.of("q", "border"));
        assertThat(view.grid.getColumns().getFirst().getHeaderText()).isEqualTo("Best matches first");

        view.sort.setValue(ArticleQuery.Sort.NEWEST);
        settle(view.resultsLoading);

        assertThat(view.grid.getColumns().getFirst().getHeaderText()).isEqualTo("Newest first");
        List<Instant> dates = view.grid
                .getLazyDataView()
                .getItems()
                .limit(20)
                .map(ArticleHit::article)
                .map(a -> a.datedAt())
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(dates).hasSizeGreaterThan(1);
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(view.exportJson.getHref()).contains("sort=newest").contains("q=border");
    }

    @Test
    void explore_datesFromALink_areTheReadersDaysNotUtcDays() {
        browserTimeZone("Asia/Dushanbe");

        ArticlesView view = open(ArticlesView.class, Map.of("from", "2022-10-18", "to", "2022-10-20"));

        ZoneId dushanbe = ZoneId.of("Asia/Dushanbe");
        ArticleQuery query = view.query(0, 1);
        assertThat(query.from())
                .isEqualTo(LocalDate.parse("2022-10-18").atStartOfDay(dushanbe).toInstant())
                .isEqualTo(Instant.parse("2022-10-17T19:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2022-10-20T18:59:59.999Z"));
        // the download has the same days as the list
        assertThat(view.exportCsv.getHref()).contains("from=2022-10-18").contains("tz=Asia/Dushanbe");
    }

    @Test
    void explore_withoutTheBrowsersZone_usesUtcDays() {
        ArticlesView view = open(ArticlesView.class, Map.of("from", "2022-10-18", "to", "2022-10-18"));

        assertThat(view.query(0, 1).from()).isEqualTo(Instant.parse("2022-10-18T00:00:00Z"));
        assertThat(view.query(0, 1).to()).isEqualTo(Instant.parse("2022-10-18T23:59:59.999Z"));
    }

    @Autowired
    ArticleIndex index;

    @Autowired
    ClassifierService classifiers;

    @Test
    void explore_theLanguageFacet_namesEachLanguageAndNarrowsTheResultsToIt() {
        Article russian = classifiers
                .current()
                .classify(Article.builder(
                                "Вести Пянджа",
                                "Пограничники задержали нарушителя с героином " + System.nanoTime(),
                                "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя, у которого "
                                        + "изъяли 40 кг героина; возбуждено уголовное дело о контрабанде наркотиков.")
                        .url("https://explore-language-test.example/" + System.nanoTime())
                        .language("ru")
                        .fetchedAt(Instant.now())
                        .build());
        index.index(List.of(russian));
        index.refresh();

        ArticlesView view = navigate(ArticlesView.class);
        settle(view.resultsLoading, view.facetsLoading);
        assertThat(view.facets.languages.getListDataView().getItems()).contains("ru", "en");
        assertThat(view.facets.languages.getItemLabelGenerator().apply("ru")).matches("Russian \\(\\d+\\)");

        view.facets.languages.setValue(Set.of("ru"));
        settle(view.resultsLoading, view.facetsLoading);

        List<String> shown = view.grid
                .getLazyDataView()
                .getItems()
                .limit(200)
                .map(hit -> String.valueOf(hit.article().language()))
                .distinct()
                .toList();
        assertThat(shown).containsExactly("ru");
        assertThat(view.exportCsv.getHref()).contains("language=ru");
        assertThat(addressBar()).last().asString().contains("language=ru");

        // the address bar's link opens the same narrowed search
        ArticlesView linked = open(ArticlesView.class, Map.of("language", "ru"));
        settle(linked.resultsLoading, linked.facetsLoading);
        assertThat(linked.facets.languages.getValue()).containsExactly("ru");
        assertThat(linked.query(0, 1).filters().languages()).containsExactly("ru");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void explore_openedFromALinkWithAQueryAndAFilter_searchesAndCountsFacetsOnce() {
        long searches = timed("explore.search");
        long facetCounts = timed("explore.facets");

        ArticlesView view =
                open(ArticlesView.class, Map.of("q", "border", "topic", "border_security", "sort", "newest"));
        settle(view.resultsLoading, view.facetsLoading);
        // what the grid asks for first: one page from the top (the lazy view's getItems() asks for every match)
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<ArticleHit> shown = ((com.vaadin.flow.data.provider.DataProvider) view.grid.getDataProvider())
                .fetch(new com.vaadin.flow.data.provider.Query(0, ArticlesView.PAGE_SIZE, List.of(), null, null))
                .toList();

        // each filter set from the URL used to search on its own, and the constructor once more: four per visit
        assertThat(timed("explore.search") - searches).isEqualTo(1);
        assertThat(timed("explore.facets") - facetCounts).isEqualTo(1);
        // the first page came with the count: the grid does not search for it again
        assertThat(shown).isNotEmpty();
        // this view's grid (the app's timer also counts other tests' open pages, which may scroll meanwhile)
        assertThat(view.pageSearches).hasValue(0);
        assertThat(view.facets.topics.getValue()).containsExactly("border_security");
    }

    @Test
    void explore_opened_answersWithTheResultsOrSearchingButNeverNothingFoundOnTheWay() {
        long searches = timed("explore.search");
        long sourceLists = timed("explore.sources");

        ArticlesView view = open(ArticlesView.class, Map.of("q", "border"));

        // the navigation's answer: the results when the search was quick enough (FirstAnswer), else "searching"
        // and no result yet (they come by push); never a "nothing found" on the way
        if (view.resultsLoading.isLoading()) {
            assertThat(view.summary.getText()).isEmpty();
        } else {
            assertThat(count(view.summary.getText())).isPositive();
        }
        assertThat(view.emptyState.isVisible()
                        && view.emptyState.getChildren().findAny().isPresent())
                .isFalse();

        settle(view.resultsLoading, view.facetsLoading);
        assertThat(view.resultsLoading.isLoading()).isFalse();
        assertThat(count(view.summary.getText())).isPositive();
        assertThat(view.grid.isVisible()).isTrue();
        assertThat(timed("explore.search") - searches).isEqualTo(1);
        // the source filter's list is asked when the reader opens it, not on every visit
        assertThat(timed("explore.sources") - sourceLists).isZero();
        assertThat(view.source.getLazyDataView().getItems()).isNotEmpty();
        assertThat(timed("explore.sources") - sourceLists).isPositive();
    }

    private long timed(String view) {
        var timer = meters.find("outpost.view.load").tag("view", view).timer();
        return timer == null ? 0 : timer.count();
    }

    private static long count(String summary) {
        return Long.parseLong(summary.replaceAll("[^0-9]", ""));
    }
}
