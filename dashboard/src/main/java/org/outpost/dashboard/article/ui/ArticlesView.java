package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.ArticlePage;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.InvalidQueryException;
import org.outpost.core.index.SearchTimeoutException;
import org.outpost.dashboard.alert.ui.CreateAlertButton;
import org.outpost.dashboard.article.ArticleService;
import org.outpost.dashboard.map.MapCounts;
import org.outpost.dashboard.map.ui.MapPanel;
import org.outpost.dashboard.ui.FirstAnswer;
import org.outpost.dashboard.ui.Loading;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.ViewLoadTimer;
import org.outpost.dashboard.ui.i18n.DatePickers;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/** Lists and searches articles, newest first or by relevance, with highlighted snippets. */
@Route("explore")
@Menu(order = 1, icon = "vaadin:search", title = "Explore")
@PermitAll
class ArticlesView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 25;

    private final ArticleService articles;
    private final ViewLoadTimer timer;
    private final java.util.Map<String, String> topicNames;
    final FacetPanel facets;
    final com.vaadin.flow.component.select.Select<ArticleQuery.Sort> sort =
            new com.vaadin.flow.component.select.Select<>();
    final Anchor exportCsv = new Anchor("", Texts.get("explore.exportCsv"));
    final Anchor exportJson = new Anchor("", Texts.get("explore.exportJson"));
    final TextField search = new TextField();
    final ComboBox<String> source = new ComboBox<>(Texts.get("explore.source"));
    final DatePicker from = DatePickers.of(Texts.get("explore.from"));
    final DatePicker to = DatePickers.of(Texts.get("explore.to"));
    final Grid<ArticleHit> grid = new Grid<>();
    final Span summary = new Span();
    final Div emptyState = new Div();
    /** Facet counts are aggregations over every match: counted in the background while the list shows. */
    final Loading facetsLoading = new Loading(Texts.get("explore.countingFacets"));
    /** The map of the search, folded until opened: a search costs no map count unless the reader asks for it. */
    final MapPanel map = new MapPanel(this::filterOnEntity);

    final com.vaadin.flow.component.details.Details mapDetails =
            new com.vaadin.flow.component.details.Details(Texts.get("map.title"), map);
    private final MapCounts maps;
    private final FirstAnswer firstAnswer;
    private @Nullable ArticleQuery mapped;
    /**
     * The count and the first page, one search, in the background too: the navigation answers with the view at once
     * and the results arrive by push (before, its answer waited for three searches).
     */
    final Loading resultsLoading = new Loading(Texts.get("explore.searching"));
    /** The grid's own searches for a page; the first page comes with the count, so a visit needs none. */
    final java.util.concurrent.atomic.AtomicInteger pageSearches = new java.util.concurrent.atomic.AtomicInteger();

    private Grid.@Nullable Column<ArticleHit> column;
    /** Days in the date filters and on the cards are the reader's, as on the overview the drill-downs come from. */
    private ZoneId zone = ReaderZone.FALLBACK;

    private boolean restoring;

    private final org.outpost.dashboard.feedback.FeedbackService feedback;
    private final @Nullable String user;

    ArticlesView(
            ArticleService articles,
            org.outpost.dashboard.classify.ClassifierService classifiers,
            ViewLoadTimer timer,
            org.outpost.dashboard.feedback.FeedbackService feedback,
            com.vaadin.flow.spring.security.AuthenticationContext authentication,
            MapCounts maps,
            FirstAnswer firstAnswer) {
        this.articles = articles;
        this.firstAnswer = firstAnswer;
        this.maps = maps;
        this.timer = timer;
        this.feedback = feedback;
        this.user = authentication.getPrincipalName().orElse(null);
        this.topicNames = new java.util.LinkedHashMap<>();
        classifiers
                .current()
                .topicDefinitions()
                .topics()
                .forEach(t -> topicNames.put(t.id(), TopicNames.of(t.id(), t.name())));
        this.facets = new FacetPanel(topicNames, this::refresh);
        facetsLoading.indicator().addClassName("facets-loading");
        facets.addComponentAsFirst(facetsLoading.indicator());
        addClassName("articles-view");
        summary.addClassName("result-summary");
        setSizeFull();
        configureFilters();
        configureGrid();
        mapDetails.addClassName("explore-map");
        mapDetails.addOpenedChangeListener(e -> loadMap());
        resultsLoading.indicator().addClassName("results-loading");
        Div results = new Div(resultBar(), mapDetails, resultsLoading.indicator(), grid, emptyState);
        results.addClassName("results");
        Div body = new Div(facets, results);
        body.addClassName("explore-body");
        add(header(), filters(), body);
        // no search here: beforeEnter always follows, with the URL's filters (searching twice cost a
        // search and a facet count over every article per visit)
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        ReaderZone.follow(event.getUI(), browser -> {
            if (!browser.equals(zone)) {
                zone = browser;
                refresh();
            }
        });
    }

    private Div resultBar() {
        sort.setItems(ArticleQuery.Sort.values());
        sort.setItemLabelGenerator(
                s -> getTranslation(s == ArticleQuery.Sort.RELEVANCE ? "explore.bestFirst" : "explore.newestFirst"));
        sort.setValue(ArticleQuery.Sort.RELEVANCE);
        sort.setAriaLabel(getTranslation("explore.sort"));
        sort.addClassName("sort-select");
        sort.addValueChangeListener(e -> refresh());
        for (Anchor export : List.of(exportCsv, exportJson)) {
            export.getElement().setAttribute("download", true);
            export.addClassName("export-link");
        }
        Div bar = new Div(
                summary,
                sort,
                exportCsv,
                exportJson,
                new CreateAlertButton(search::getValue, source::getValue, facets::filters));
        bar.addClassName("result-bar");
        return bar;
    }

    /**
     * {@code ?q=&source=&from=&to=} (dates as yyyy-mm-dd) open the list with that search, as the
     * overview's charts and the article page's entity chips do.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        zone = ReaderZone.of(event.getUI());
        // each filter set from the URL would search on its own: search once, when all are set
        restoring = true;
        try {
            restore(parameters);
        } finally {
            restoring = false;
        }
        refresh();
    }

    private void restore(com.vaadin.flow.router.QueryParameters parameters) {
        parameters
                .getSingleParameter("q")
                .filter(q -> !q.equals(search.getValue()))
                .ifPresent(search::setValue);
        parameters.getSingleParameter("source").ifPresent(source::setValue);
        parameters.getSingleParameter("from").flatMap(ArticlesView::date).ifPresent(from::setValue);
        parameters.getSingleParameter("to").flatMap(ArticlesView::date).ifPresent(to::setValue);
        var all = parameters.getParameters();
        facets.select(
                new java.util.LinkedHashSet<>(all.getOrDefault("topic", List.of())),
                new java.util.LinkedHashSet<>(all.getOrDefault("facetSource", List.of())),
                new java.util.LinkedHashSet<>(all.getOrDefault("entity", List.of())),
                new java.util.LinkedHashSet<>(all.getOrDefault("language", List.of())));
        parameters
                .getSingleParameter("sort")
                .filter(v -> v.equals("newest"))
                .ifPresent(v -> sort.setValue(ArticleQuery.Sort.NEWEST));
        parameters
                .getSingleParameter("minScore")
                .map(v -> v.equals("0.6") ? 0.6 : v.equals("0.8") ? 0.8 : 0.0)
                .ifPresent(facets.minScore::setValue);
    }

    private static java.util.Optional<java.time.LocalDate> date(String value) {
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static H2 header() {
        H2 title = new H2(Texts.get("nav.explore"));
        title.addClassName("view-title");
        return title;
    }

    private void configureFilters() {
        search.setPlaceholder(getTranslation("explore.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.setHelperText(getTranslation("explore.help"));
        search.addClassName("search-field");
        search.addValueChangeListener(e -> refresh());
        source.setClearButtonVisible(true);
        source.setItems(this::sources);
        source.setPlaceholder(getTranslation("explore.allSources"));
        source.addValueChangeListener(e -> refresh());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
    }

    private FlexLayout filters() {
        FlexLayout filters = new FlexLayout(search, source, from, to);
        filters.addClassName("filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        return filters;
    }

    private void configureGrid() {
        grid.addClassName("article-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        column = grid.addComponentColumn(hit -> withFeedback(card(hit, zone, topicNames), hit))
                .setHeader(getTranslation("explore.newestFirst"));
        grid.setPageSize(PAGE_SIZE);
    }

    static Div card(ArticleHit hit, ZoneId zone, Map<String, String> topicNames) {
        var article = hit.article();
        RouterLink title = new RouterLink(ArticleView.class, new RouteParameters("id", article.id()));
        title.add(new Html("<span>" + hit.titleHtml() + "</span>"));
        title.addClassName("article-title");
        Span meta = new Span(article.source() + " · "
                + (article.publishedAt() != null
                        ? ArticleView.formatDate(article.publishedAt(), zone)
                        : Texts.get("explore.fetched", ArticleView.formatDate(article.fetchedAt(), zone))));
        meta.addClassName("article-meta");
        Html snippet = new Html("<p class=\"article-snippet\">" + hit.snippet() + "</p>");
        Div topics = new Div();
        topics.addClassName("article-topics");
        article.topics().forEach(t -> {
            Span chip = new Span(topicNames.getOrDefault(t, t.replace('_', ' ')));
            chip.getElement().getThemeList().add("badge contrast small");
            topics.add(chip);
        });
        Div card = new Div(title, meta, topics, snippet);
        card.addClassName("article-card");
        return card;
    }

    /** The card with the user's feedback menu in its corner. */
    private Div withFeedback(Div card, ArticleHit hit) {
        if (user != null) {
            card.addComponentAsFirst(
                    new CardFeedbackMenu(new ArticleFeedback(feedback, user, hit.article(), topicNames)));
            card.addClassName("with-feedback");
        }
        return card;
    }

    /**
     * Re-runs the search: checks the query here (no search: a mistake is marked at once), then counts the matches
     * and fetches the first page in one search and the facets beside it, both in the background.
     */
    void refresh() {
        if (restoring) {
            return;
        }
        ArticleQuery first;
        mapped = null; // until this search proves valid, the map has nothing to count
        map.cancel();
        try {
            first = query(0, PAGE_SIZE);
            articles.check(first);
            search.setInvalid(false);
        } catch (InvalidQueryException | IllegalArgumentException e) {
            resultsLoading.cancel();
            searchFailed(e);
            return;
        }
        if (column != null) {
            boolean byScore = !search.getValue().isBlank() && sort.getValue() == ArticleQuery.Sort.RELEVANCE;
            column.setHeader(getTranslation(byScore ? "explore.bestMatchesFirst" : "explore.newestFirst"));
        }
        mapped = first;
        loadMap();
        UI ui = UI.getCurrent();
        resultsLoading.load(
                ui,
                () -> timer.time("explore.search", () -> articles.searchChecked(first)),
                page -> showResults(page),
                this::searchFailed);
        facetsLoading.load(
                ui, () -> timer.time("explore.facets", () -> articles.facets(first, 15)), facets::show, failure -> {
                    // the list says why when the search fails; the facets just keep their last counts
                    if (!reportedByTheList(failure)) {
                        throw failure;
                    }
                });
        firstAnswer.include(ui, resultsLoading, facetsLoading);
        String exportParameters = exportParameters();
        // the download has the same days as the list: its dates are read in the reader's zone too
        String days = from.getValue() == null && to.getValue() == null ? "" : "&tz=" + zone.getId();
        exportCsv.setHref("export/articles?format=csv&" + exportParameters + days);
        exportJson.setHref("export/articles?format=json&" + exportParameters + days);
    }

    private static boolean reportedByTheList(RuntimeException failure) {
        return failure instanceof InvalidQueryException
                || failure instanceof IllegalArgumentException
                || failure instanceof IndexUnavailableException;
    }

    /** The count, and the first page from the same search: the grid asks the index again only for later pages. */
    private void showResults(ArticlePage page) {
        long total = page.total();
        summary.setText(Texts.count("explore.articles", total));
        if (total == 0) {
            boolean filtered = !search.getValue().isBlank()
                    || source.getValue() != null
                    || from.getValue() != null
                    || to.getValue() != null
                    || !facets.filters().isEmpty();
            showEmpty(
                    getTranslation(filtered ? "explore.noMatch" : "explore.noArticles"),
                    getTranslation(filtered ? "explore.noMatch.hint" : "explore.noArticles.hint"));
            return;
        }
        emptyState.setVisible(false);
        grid.setVisible(true);
        int window = (int) Math.min(total, ArticleQuery.MAX_WINDOW);
        List<ArticleHit> firstPage = page.items();
        grid.setItems(
                q -> q.getOffset() == 0 && (q.getLimit() <= firstPage.size() || firstPage.size() >= window)
                        ? firstPage.stream().limit(q.getLimit())
                        : fetch(q.getPage(), q.getPageSize()),
                q -> window);
    }

    private void searchFailed(RuntimeException failure) {
        facetsLoading.cancel();
        if (failure instanceof InvalidQueryException e) {
            search.setErrorMessage(queryError(e));
            search.setInvalid(true);
            showEmpty(getTranslation("explore.fixQuery"), null);
        } else if (failure instanceof IllegalArgumentException) {
            showEmpty(failure.getMessage(), null);
        } else if (failure instanceof SearchTimeoutException) {
            showEmpty(getTranslation("explore.tooSlow"), getTranslation("explore.tooSlow.hint"));
        } else if (failure instanceof IndexUnavailableException e) {
            showEmpty(getTranslation("explore.indexDown", e.getMessage()), getTranslation("explore.indexDown.hint"));
        } else {
            throw failure;
        }
    }

    /** The map of the last valid search, when the reader has it open. */
    private void loadMap() {
        ArticleQuery counted = mapped;
        if (counted != null && mapDetails.isOpened()) {
            map.load(UI.getCurrent(), () -> maps.search(counted), null);
        }
    }

    /** A click on the map: the entity joins the facet filters, as ticking it in the facets does. */
    private void filterOnEntity(String entity) {
        ArticleQuery.Filters f = facets.filters();
        java.util.Set<String> entities = new java.util.LinkedHashSet<>(f.entities());
        entities.add(entity);
        facets.select(
                new java.util.LinkedHashSet<>(f.topics().keySet()),
                new java.util.LinkedHashSet<>(f.sources()),
                entities,
                new java.util.LinkedHashSet<>(f.languages()));
        refresh();
    }

    private Stream<ArticleHit> fetch(int page, int size) {
        pageSearches.incrementAndGet();
        ArticleQuery query = query(page, size);
        return timer.time("explore.page", () -> articles.search(query)).items().stream();
    }

    /** The search as the index gets it: the chosen days run from midnight to midnight in the reader's zone. */
    ArticleQuery query(int page, int size) {
        return new ArticleQuery(
                search.getValue(),
                source.getValue(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue()
                                .plusDays(1)
                                .atStartOfDay(zone)
                                .toInstant()
                                .minusMillis(1),
                page,
                size,
                facets.filters(),
                sort.getValue());
    }

    /** The current search as query parameters: for the export links and the page's own URL. */
    private String exportParameters() {
        java.util.Map<String, List<String>> p = new java.util.LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            p.put("q", List.of(search.getValue()));
        }
        if (source.getValue() != null) {
            p.put("source", List.of(source.getValue()));
        }
        if (from.getValue() != null) {
            p.put("from", List.of(from.getValue().toString()));
        }
        if (to.getValue() != null) {
            p.put("to", List.of(to.getValue().toString()));
        }
        ArticleQuery.Filters f = facets.filters();
        if (!f.topics().isEmpty()) {
            p.put("topic", List.copyOf(f.topics().keySet()));
            double min = f.topics().values().iterator().next();
            if (min > 0) {
                p.put("minScore", List.of(Double.toString(min)));
            }
        }
        if (!f.sources().isEmpty()) {
            p.put("facetSource", f.sources());
        }
        if (!f.entities().isEmpty()) {
            p.put("entity", f.entities());
        }
        if (!f.languages().isEmpty()) {
            p.put("language", f.languages());
        }
        if (sort.getValue() == ArticleQuery.Sort.NEWEST) {
            p.put("sort", List.of("newest"));
        }
        String query = new com.vaadin.flow.router.QueryParameters(p).getQueryString();
        // the address bar shows the search, so it can be bookmarked and shared
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, "explore" + (query.isEmpty() ? "" : "?" + query)));
        return query;
    }

    /**
     * The source filter's names, asked when the reader opens the list or types in it, not on every visit: most
     * visits never open it (and the list is kept for minutes, {@link ArticleService#sources}).
     */
    private Stream<String> sources(com.vaadin.flow.data.provider.Query<String, String> query) {
        String typed = query.getFilter().orElse("").toLowerCase(java.util.Locale.ROOT);
        List<String> names;
        try {
            names = timer.time("explore.sources", () -> articles.sources(200));
        } catch (IndexUnavailableException e) {
            names = List.of(); // the list of results reports the outage
        }
        return names.stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains(typed))
                .skip(query.getOffset())
                .limit(query.getLimit());
    }

    private void showEmpty(String message, @Nullable String hint) {
        grid.setItems();
        grid.setVisible(false);
        summary.setText("");
        emptyState.removeAll();
        emptyState.addClassName("empty-state");
        emptyState.add(new Paragraph(message));
        if (hint != null) {
            emptyState.add(new Paragraph(hint));
        }
        emptyState.add(new Anchor("explore", getTranslation("explore.showAll")));
        emptyState.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.explore"));
    }

    /** The parser's reason is English; a reader of another language gets where it broke and the syntax in theirs. */
    private String queryError(InvalidQueryException e) {
        switch (e.reason()) {
            case TOO_LONG -> {
                return getTranslation(
                        "explore.queryTooLong", articles.queryLimits().maxLength());
            }
            case EXPENSIVE -> {
                return getTranslation("explore.queryExpensive");
            }
            case SYNTAX -> {
                // below
            }
        }
        if (e.column() == null || "en".equals(getLocale().getLanguage())) {
            return String.valueOf(e.getMessage());
        }
        return getTranslation("explore.queryErrorAt", e.column());
    }
}
