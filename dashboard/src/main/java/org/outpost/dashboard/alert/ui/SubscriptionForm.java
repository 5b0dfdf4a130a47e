package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.FirstSeen;
import org.outpost.alerts.subscription.Frequency;
import org.outpost.alerts.subscription.InvalidSubscriptionException;
import org.outpost.alerts.subscription.Preview;
import org.outpost.alerts.subscription.QuietMode;
import org.outpost.alerts.subscription.SpikeSensitivity;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The add/edit dialog of a subscription: what to watch (query, topics with a minimum score,
 * sources, entities, languages), how often, and where to send it. Preview back-tests the search
 * before saving; a refused field is marked with the reason (a query at its column).
 */
class SubscriptionForm extends Dialog {

    /** The languages articles are recognised in (other codes can still be typed). */
    static final List<String> LANGUAGES = java.util.Arrays.stream(org.outpost.core.language.Language.values())
            .map(org.outpost.core.language.Language::code)
            .toList();

    final TextField name = new TextField(Texts.get("form.name"));
    final TextField query = new TextField(Texts.get("form.query"));
    final MultiSelectComboBox<String> topics = new MultiSelectComboBox<>(Texts.get("facet.topics"));
    final NumberField minScore = new NumberField(Texts.get("facet.minScore"));
    final MultiSelectComboBox<String> sources = new MultiSelectComboBox<>(Texts.get("facet.sources"));
    final MultiSelectComboBox<String> entities = new MultiSelectComboBox<>(Texts.get("facet.entities"));
    final MultiSelectComboBox<String> languages = new MultiSelectComboBox<>(Texts.get("facet.languages"));
    final Select<Frequency> frequency = new Select<>();
    final TimePicker time = new TimePicker(Texts.get("form.localTime"));
    final Select<DayOfWeek> day = new Select<>();
    final ComboBox<String> timezone = new ComboBox<>(Texts.get("form.timeZone"));
    final Checkbox inApp = new Checkbox(Texts.get("form.inApp"));
    final Checkbox email = new Checkbox(Texts.get("form.email"));
    final TextField emailAddresses = new TextField(Texts.get("form.emailAddresses"));
    final Checkbox webhook = new Checkbox(Texts.get("form.webhook"));
    final TextField webhookUrl = new TextField(Texts.get("form.webhookUrl"));
    final PasswordField webhookSecret = new PasswordField(Texts.get("form.secret"));
    final Checkbox slack = new Checkbox(Texts.get("form.slack"));
    final Checkbox teams = new Checkbox(Texts.get("form.teams"));
    final Checkbox telegram = new Checkbox(Texts.get("form.telegram"));
    final TextField telegramChat = new TextField(Texts.get("form.telegramChat"));
    final Checkbox spikeAlerts = new Checkbox(Texts.get("form.spikes"));
    final Select<QuietMode> quietMode = new Select<>();
    final TimePicker quietStart = new TimePicker(Texts.get("form.quiet.start"));
    final TimePicker quietEnd = new TimePicker(Texts.get("form.quiet.end"));
    final Checkbox quietWeekends = new Checkbox(Texts.get("form.quiet.weekends"));
    final Checkbox urgent = new Checkbox(Texts.get("form.urgent"));
    final RadioButtonGroup<SpikeSensitivity> spikeSensitivity =
            new RadioButtonGroup<>(Texts.get("form.spikeSensitivity"));
    final Checkbox spikeByEntity = new Checkbox(Texts.get("form.spikeByEntity"));
    final MultiSelectComboBox<String> firstSeenTypes = new MultiSelectComboBox<>(Texts.get("form.firstSeen"));
    final IntegerField firstSeenDays = new IntegerField(Texts.get("form.firstSeen.days"));
    final IntegerField firstSeenSources = new IntegerField(Texts.get("form.firstSeen.sources"));
    final Paragraph channelError = new Paragraph();
    final Div preview = new Div();
    final Paragraph error = new Paragraph();

    private final @Nullable Subscription existing;
    private final Map<String, String> topicNames;
    private final Function<SubscriptionDefinition, Preview> previewer;
    /** Webhooks after the first, set through the API: the form shows one and keeps the rest. */
    private final List<Channel.Webhook> otherWebhooks = new ArrayList<>();
    /** Telegram chats after the first, set through the API: kept as they are. */
    private final List<Channel.Telegram> otherChats = new ArrayList<>();

    private final ZoneId zone;
    /** Which field each channel of the last definition came from, to mark {@code channels[i].*} errors. */
    private final List<Component> channelFields = new ArrayList<>();

    /**
     * @param save stores the definition; throws InvalidSubscriptionException to keep the dialog open
     * @param defaultZone for a new subscription's digests: the browser's zone
     */
    SubscriptionForm(
            @Nullable Subscription existing,
            AlertLinks.@Nullable Prefill prefill,
            ZoneId defaultZone,
            Map<String, String> topicNames,
            Collection<String> knownSources,
            Function<SubscriptionDefinition, Preview> previewer,
            Consumer<SubscriptionDefinition> save) {
        this.existing = existing;
        this.topicNames = topicNames;
        this.previewer = previewer;
        this.zone = defaultZone;
        setHeaderTitle(
                existing == null ? getTranslation("alerts.new") : getTranslation("form.editTitle", existing.name()));
        addClassName("subscription-form");
        configureFields(knownSources);
        if (existing != null) {
            fill(existing);
        } else {
            fillNew(prefill, defaultZone);
        }
        add(error, what(), preview, when(), quiet(), where());
        Button previewButton = new Button(getTranslation("form.preview"), VaadinIcon.EYE.create(), e -> showPreview());
        previewButton.addClassName("preview-button");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button ok =
                new Button(getTranslation(existing == null ? "form.createAlert" : "action.save"), e -> submit(save));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClassName("save-subscription");
        getFooter().add(previewButton, cancel, ok);
        setWidth("min(820px, 100vw)");
        setCloseOnOutsideClick(false);
    }

    private void configureFields(Collection<String> knownSources) {
        name.setPlaceholder(getTranslation("form.name.placeholder"));
        name.addClassName("subscription-name");
        query.setPlaceholder(getTranslation("form.query.placeholder"));
        query.setHelperText(getTranslation("form.query.help"));
        query.addClassName("subscription-query");
        topics.setItems(topicNames.keySet());
        topics.setItemLabelGenerator(id -> topicNames.getOrDefault(id, id));
        topics.setPlaceholder(getTranslation("form.anyTopic"));
        minScore.setMin(0);
        minScore.setMax(1);
        minScore.setStep(0.05);
        minScore.setStepButtonsVisible(true);
        minScore.setHelperText(getTranslation("form.minScore.help"));
        sources.setItems(new ArrayList<>(new LinkedHashSet<>(knownSources)));
        sources.setAllowCustomValue(true);
        sources.setPlaceholder(getTranslation("form.anySource"));
        addCustomValues(sources);
        entities.setItems(new ArrayList<String>());
        entities.setAllowCustomValue(true);
        entities.setPlaceholder(getTranslation("form.entities.placeholder"));
        entities.setHelperText(getTranslation("form.entities.help"));
        addCustomValues(entities);
        languages.setItems(LANGUAGES);
        languages.setAllowCustomValue(true);
        languages.setPlaceholder(getTranslation("form.anyLanguage"));
        languages.setItemLabelGenerator(code -> LanguageNames.of(code, getLocale()));
        addCustomValues(languages);
        frequency.setLabel(getTranslation("form.send"));
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(SubscriptionForm::label);
        frequency.addValueChangeListener(e -> showSchedule());
        time.setStep(Duration.ofMinutes(15));
        day.setLabel(getTranslation("form.weekday"));
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(d -> LocalFormat.dayOfWeek(d, getLocale()));
        timezone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        emailAddresses.setPlaceholder(getTranslation("form.emailAddresses.placeholder"));
        webhookUrl.setPlaceholder("https://hooks.example.org/outpost");
        webhookSecret.setHelperText(getTranslation("form.secret.help"));
        email.addValueChangeListener(e -> emailAddresses.setEnabled(e.getValue()));
        webhook.addValueChangeListener(e -> {
            webhookUrl.setEnabled(e.getValue());
            webhookSecret.setEnabled(e.getValue());
            slack.setEnabled(e.getValue());
            teams.setEnabled(e.getValue());
        });
        configureQuietFields();
        configureSpikes();
        configureFirstSeen();
        // one format per webhook: Slack's or Teams'
        slack.addValueChangeListener(e -> {
            if (e.getValue()) {
                teams.setValue(false);
            }
        });
        teams.addValueChangeListener(e -> {
            if (e.getValue()) {
                slack.setValue(false);
            }
        });
        telegramChat.setPlaceholder("-1001234567890");
        telegramChat.setHelperText(getTranslation("form.telegramChat.help"));
        telegram.addValueChangeListener(e -> telegramChat.setEnabled(e.getValue()));
        channelError.addClassName("form-error");
        preview.addClassName("subscription-preview");
        preview.setVisible(false);
        error.addClassName("form-error");
    }

    private void configureQuietFields() {
        quietMode.setLabel(getTranslation("form.quiet"));
        quietMode.setItems(QuietMode.values());
        quietMode.setItemLabelGenerator(m -> getTranslation("form.quiet." + m.key()));
        quietMode.addClassName("quiet-mode");
        quietMode.addValueChangeListener(e -> showSchedule());
        quietStart.setStep(Duration.ofMinutes(15));
        quietEnd.setStep(Duration.ofMinutes(15));
        quietEnd.setHelperText(getTranslation("form.quiet.end.help"));
        urgent.setTooltipText(getTranslation("form.urgent.help"));
        urgent.addClassName("subscription-urgent");
    }

    /**
     * The presets, each with what it compares and what a spike needs, from the preset itself so
     * the form cannot say other numbers than the detector uses.
     */
    private void configureSpikes() {
        spikeSensitivity.addClassName("spike-sensitivity");
        spikeSensitivity.setItems(SpikeSensitivity.FEWER, SpikeSensitivity.BALANCED, SpikeSensitivity.MORE);
        spikeSensitivity.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(p -> {
            String preset = "form.spikeSensitivity." + p.key();
            Span name = new Span(getTranslation(preset));
            name.getStyle().set("font-weight", "600");
            Span how = new Span(spikeHelp(p));
            how.addClassName("muted-text");
            how.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
            return new Div(name, how);
        }));
        spikeSensitivity.setHelperText(getTranslation("form.spikeSensitivity.help"));
        spikeByEntity.addClassName("spike-by-entity");
        spikeByEntity.setTooltipText(getTranslation("form.spikeByEntity.help"));
        spikeAlerts.addValueChangeListener(e -> showSpikes());
    }

    String spikeHelp(SpikeSensitivity p) {
        return getTranslation(
                "form.spikeSensitivity.how",
                getTranslation("form.spikeSensitivity." + p.key() + ".compares"),
                p.minCount(),
                LocalFormat.decimal(p.minRatio(), getLocale()),
                LocalFormat.decimal(p.threshold(), getLocale()));
    }

    private void showSpikes() {
        spikeSensitivity.setVisible(spikeAlerts.getValue());
        spikeByEntity.setVisible(spikeAlerts.getValue());
    }

    /** New names: which types, then how long unnamed and in how many sources, once a type is chosen. */
    private void configureFirstSeen() {
        firstSeenTypes.setItems(FirstSeen.CHOICES.stream()
                .map(org.outpost.core.entity.EntityType::key)
                .toList());
        firstSeenTypes.setItemLabelGenerator(key -> getTranslation("form.firstSeen.type." + key));
        firstSeenTypes.setPlaceholder(getTranslation("form.firstSeen.placeholder"));
        firstSeenTypes.setHelperText(getTranslation("form.firstSeen.help"));
        firstSeenTypes.addClassName("first-seen-types");
        firstSeenDays.setMin(1);
        firstSeenDays.setMax(FirstSeen.MAX_DAYS);
        firstSeenDays.setStepButtonsVisible(true);
        firstSeenDays.addClassName("first-seen-days");
        firstSeenSources.setMin(1);
        firstSeenSources.setMax(FirstSeen.MAX_SOURCES);
        firstSeenSources.setStepButtonsVisible(true);
        firstSeenSources.addClassName("first-seen-sources");
        firstSeenTypes.addValueChangeListener(e -> enableFirstSeenNumbers());
    }

    private void enableFirstSeenNumbers() {
        boolean on = !firstSeenTypes.getValue().isEmpty();
        firstSeenDays.setEnabled(on);
        firstSeenSources.setEnabled(on);
    }

    /** Lets a typed value (an entity, a source not crawled yet) join the selection. */
    private static void addCustomValues(MultiSelectComboBox<String> box) {
        box.addCustomValueSetListener(e -> {
            String value = e.getDetail().strip();
            if (value.isEmpty()) {
                return;
            }
            Set<String> items =
                    new LinkedHashSet<>(box.getListDataView().getItems().toList());
            items.add(value);
            Set<String> selected = new LinkedHashSet<>(box.getValue());
            selected.add(value);
            box.setItems(items);
            box.setValue(selected);
        });
    }

    private static void select(MultiSelectComboBox<String> box, Collection<String> values) {
        Set<String> items = new LinkedHashSet<>(box.getListDataView().getItems().toList());
        items.addAll(values);
        box.setItems(items);
        box.setValue(new LinkedHashSet<>(values));
    }

    private Component what() {
        FormLayout form = new FormLayout(name, query, topics, minScore, sources, entities, languages);
        form.setColspan(name, 2);
        form.setColspan(query, 2);
        return section(getTranslation("form.section.what"), form);
    }

    private Component when() {
        FormLayout form = new FormLayout(
                frequency,
                time,
                day,
                timezone,
                spikeAlerts,
                spikeSensitivity,
                spikeByEntity,
                firstSeenTypes,
                firstSeenDays,
                firstSeenSources);
        form.setColspan(spikeAlerts, 2);
        form.setColspan(spikeSensitivity, 2);
        form.setColspan(spikeByEntity, 2);
        form.setColspan(firstSeenTypes, 2);
        return section(getTranslation("alerts.col.when"), form);
    }

    /** Whose quiet hours hold its messages, its own window, and whether it is urgent enough to bypass them. */
    private Component quiet() {
        FormLayout form = new FormLayout(quietMode, urgent, quietStart, quietEnd, quietWeekends);
        form.setColspan(quietWeekends, 2);
        return section(getTranslation("form.section.quiet"), form);
    }

    private Component where() {
        FormLayout form = new FormLayout(
                inApp,
                email,
                emailAddresses,
                webhook,
                webhookUrl,
                webhookSecret,
                slack,
                teams,
                telegram,
                telegramChat,
                channelError);
        form.setColspan(inApp, 2);
        form.setColspan(channelError, 2);
        return section(getTranslation("form.section.where"), form);
    }

    private static Div section(String title, Component content) {
        Div section = new Div(new H4(title), content);
        section.addClassName("form-section");
        return section;
    }

    private void fillNew(AlertLinks.@Nullable Prefill prefill, ZoneId defaultZone) {
        frequency.setValue(Frequency.INSTANT);
        time.setValue(LocalTime.of(8, 0));
        day.setValue(DayOfWeek.MONDAY);
        timezone.setValue(defaultZone.getId());
        minScore.setValue(0.0);
        spikeSensitivity.setValue(SpikeSensitivity.BALANCED);
        showSpikes();
        firstSeenDays.setValue(FirstSeen.DEFAULT_DAYS);
        firstSeenSources.setValue(FirstSeen.DEFAULT_SOURCES);
        enableFirstSeenNumbers();
        inApp.setValue(true);
        email.setValue(false);
        webhook.setValue(false);
        emailAddresses.setEnabled(false);
        webhookUrl.setEnabled(false);
        webhookSecret.setEnabled(false);
        slack.setEnabled(false);
        quietMode.setValue(QuietMode.USER);
        quietStart.setValue(LocalTime.of(22, 0));
        quietEnd.setValue(LocalTime.of(7, 0));
        teams.setEnabled(false);
        telegram.setValue(false);
        telegramChat.setEnabled(false);
        if (prefill != null) {
            query.setValue(prefill.query());
            fillFilters(prefill.filters());
            name.setValue(suggestedName(prefill));
        }
    }

    private String suggestedName(AlertLinks.Prefill prefill) {
        List<String> parts = new ArrayList<>();
        if (!prefill.query().isBlank()) {
            parts.add(prefill.query());
        }
        prefill.filters().topics().keySet().forEach(t -> parts.add(topicNames.getOrDefault(t, t)));
        parts.addAll(prefill.filters().entities());
        String suggested = String.join(" · ", parts);
        return suggested.length() > 80 ? suggested.substring(0, 79) + "…" : suggested;
    }

    private void fillFilters(ArticleQuery.Filters filters) {
        select(topics, filters.topics().keySet());
        minScore.setValue(filters.topics().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
        select(sources, filters.sources());
        select(entities, filters.entities());
        select(languages, filters.languages());
    }

    private void fill(Subscription s) {
        name.setValue(s.name());
        query.setValue(s.query());
        fillFilters(s.filters());
        frequency.setValue(s.frequency());
        time.setValue(s.time());
        day.setValue(s.day());
        timezone.setValue(s.zone().getId());
        spikeAlerts.setValue(s.spikeAlerts());
        quietMode.setValue(s.quietMode());
        quietStart.setValue(s.quietStart() == null ? LocalTime.of(22, 0) : s.quietStart());
        quietEnd.setValue(s.quietEnd() == null ? LocalTime.of(7, 0) : s.quietEnd());
        quietWeekends.setValue(s.quietWeekends());
        urgent.setValue(s.urgent());
        spikeSensitivity.setValue(s.spikeSensitivity());
        spikeByEntity.setValue(s.spikeByEntity());
        showSpikes();
        FirstSeen firstSeen = s.firstSeen();
        firstSeenTypes.setValue(firstSeen == null ? Set.of() : new LinkedHashSet<>(firstSeen.typeKeys()));
        firstSeenDays.setValue(firstSeen == null ? FirstSeen.DEFAULT_DAYS : firstSeen.days());
        firstSeenSources.setValue(firstSeen == null ? FirstSeen.DEFAULT_SOURCES : firstSeen.sources());
        enableFirstSeenNumbers();
        List<String> addresses = new ArrayList<>();
        Channel.Webhook first = null;
        for (Channel c : s.channels()) {
            switch (c) {
                case Channel.InApp i -> inApp.setValue(true);
                case Channel.Email e -> addresses.add(e.address());
                case Channel.Telegram t -> {
                    if (telegramChat.getValue().isEmpty()) {
                        telegramChat.setValue(t.chatId());
                    } else {
                        otherChats.add(t);
                    }
                }
                case Channel.Webhook w -> {
                    if (first == null) {
                        first = w;
                    } else {
                        otherWebhooks.add(w);
                    }
                }
            }
        }
        email.setValue(!addresses.isEmpty());
        emailAddresses.setValue(String.join(", ", addresses));
        emailAddresses.setEnabled(!addresses.isEmpty());
        webhook.setValue(first != null);
        webhookUrl.setEnabled(first != null);
        webhookSecret.setEnabled(first != null);
        slack.setEnabled(first != null);
        teams.setEnabled(first != null);
        telegram.setValue(!telegramChat.getValue().isEmpty());
        telegramChat.setEnabled(!telegramChat.getValue().isEmpty());
        if (first != null) {
            webhookUrl.setValue(first.url());
            slack.setValue(first.slack());
            teams.setValue(first.teams());
            if (first.secret() != null) {
                webhookSecret.setPlaceholder(getTranslation("form.secret.kept"));
            }
        }
        if (!otherWebhooks.isEmpty()) {
            channelError.setText(Texts.count("form.otherWebhooks", otherWebhooks.size()));
        }
    }

    private void showSchedule() {
        Frequency f = frequency.getValue();
        boolean digest = f != null && f.isDigest();
        boolean ownQuiet = quietMode.getValue() == QuietMode.OWN;
        time.setVisible(digest);
        // an alert's own quiet hours are read in its time zone as well
        timezone.setVisible(digest || ownQuiet);
        quietStart.setVisible(ownQuiet);
        quietEnd.setVisible(ownQuiet);
        quietWeekends.setVisible(ownQuiet);
        day.setVisible(f == Frequency.WEEKLY);
        time.setLabel(getTranslation(f == Frequency.HOURLY ? "form.atMinute" : "form.localTime"));
    }

    static String label(Frequency f) {
        return switch (f) {
            case INSTANT -> Texts.get("form.frequency.instant");
            case HOURLY -> Texts.get("form.frequency.hourly");
            case DAILY -> Texts.get("form.frequency.daily");
            case WEEKLY -> Texts.get("form.frequency.weekly");
        };
    }

    SubscriptionDefinition definition() {
        Map<String, Double> t = new LinkedHashMap<>();
        double min = minScore.getValue() == null ? 0 : minScore.getValue();
        topics.getValue().forEach(id -> t.put(id, min));
        channelFields.clear();
        List<ChannelDefinition> channels = new ArrayList<>();
        if (inApp.getValue()) {
            channels.add(ChannelDefinition.inApp());
            channelFields.add(inApp);
        }
        if (email.getValue()) {
            List<String> addresses = Arrays.stream(emailAddresses.getValue().split("[,;\\s]+"))
                    .filter(a -> !a.isBlank())
                    .toList();
            for (String address : addresses.isEmpty() ? List.of("") : addresses) {
                channels.add(ChannelDefinition.email(address));
                channelFields.add(emailAddresses);
            }
        }
        if (webhook.getValue()) {
            channels.add(
                    teams.getValue()
                            ? ChannelDefinition.teams(webhookUrl.getValue(), secret())
                            : ChannelDefinition.webhook(webhookUrl.getValue(), secret(), slack.getValue()));
            channelFields.add(webhookUrl);
        }
        if (telegram.getValue()) {
            channels.add(ChannelDefinition.telegram(telegramChat.getValue()));
            channelFields.add(telegramChat);
        }
        for (Channel.Telegram chat : otherChats) {
            channels.add(ChannelDefinition.of(chat));
            channelFields.add(channelError);
        }
        for (Channel.Webhook w : otherWebhooks) {
            channels.add(ChannelDefinition.of(w));
            channelFields.add(channelError);
        }
        return SubscriptionDefinition.builder()
                .name(name.getValue())
                .query(query.getValue())
                .topics(t)
                .sources(List.copyOf(sources.getValue()))
                .entities(List.copyOf(entities.getValue()))
                .languages(List.copyOf(languages.getValue()))
                .frequency(
                        frequency.getValue() == null
                                ? null
                                : frequency.getValue().key())
                .time(time.getValue() == null ? null : time.getValue().toString())
                .day(day.getValue() == null ? null : day.getValue().name())
                .timezone(timezone.getValue())
                .channels(channels)
                .spikeAlerts(spikeAlerts.getValue())
                .paused(existing != null && existing.paused())
                .mutedUntil(existing == null ? null : existing.mutedUntil())
                .quietHours(
                        quietMode.getValue() == null
                                ? null
                                : quietMode.getValue().key())
                .quietStart(
                        quietStart.getValue() == null
                                ? null
                                : quietStart.getValue().toString())
                .quietEnd(
                        quietEnd.getValue() == null ? null : quietEnd.getValue().toString())
                .quietWeekends(quietWeekends.getValue())
                .urgent(urgent.getValue())
                .spikeSensitivity(
                        spikeSensitivity.getValue() == null
                                ? null
                                : spikeSensitivity.getValue().key())
                .spikeByEntity(spikeByEntity.getValue())
                .firstSeenTypes(List.copyOf(firstSeenTypes.getValue()))
                .firstSeenDays(firstSeenDays.getValue())
                .firstSeenSources(firstSeenSources.getValue())
                .build();
    }

    /** An empty secret field keeps the secret stored for the same URL. */
    private @Nullable String secret() {
        if (!webhookSecret.getValue().isBlank()) {
            return webhookSecret.getValue();
        }
        if (existing == null) {
            return null;
        }
        return existing.channels().stream()
                .filter(c -> c instanceof Channel.Webhook w
                        && w.url().equals(webhookUrl.getValue().strip()))
                .map(c -> ((Channel.Webhook) c).secret())
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
    }

    void showPreview() {
        clearErrors();
        try {
            Preview result = previewer.apply(definition());
            preview.removeAll();
            Span counts = new Span(
                    getTranslation("form.preview.counts", articles(result.lastWeek()), articles(result.lastMonth())));
            counts.addClassName("preview-counts");
            preview.add(counts);
            if (!result.latest().isEmpty()) {
                Div latest = new Div();
                latest.addClassName("preview-latest");
                result.latest().forEach(hit -> latest.add(match(hit)));
                preview.add(new Paragraph(getTranslation("form.preview.latest")), latest);
            }
            preview.setVisible(true);
            preview.scrollIntoView();
        } catch (InvalidSubscriptionException e) {
            markInvalid(e);
        } catch (RuntimeException e) {
            error.setText(getTranslation("form.preview.failed", e.getMessage()));
        }
    }

    private Component match(ArticleHit hit) {
        var a = hit.article();
        Anchor title = new Anchor(
                "articles/" + URLEncoder.encode(a.id(), StandardCharsets.UTF_8).replace("+", "%20"), a.title());
        title.setTarget("_blank");
        var when = a.publishedAt() != null ? a.publishedAt() : a.fetchedAt();
        Span meta = new Span(a.source() + (when == null ? "" : " · " + Format.dateTime(when, zone)));
        meta.addClassName("match-meta");
        Div row = new Div(title, meta);
        row.addClassName("preview-match");
        return row;
    }

    private static String articles(long n) {
        return Texts.count("explore.articles", n);
    }

    private void submit(Consumer<SubscriptionDefinition> save) {
        clearErrors();
        try {
            save.accept(definition());
            close();
        } catch (InvalidSubscriptionException e) {
            markInvalid(e);
        }
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(
                name,
                query,
                topics,
                minScore,
                sources,
                entities,
                languages,
                frequency,
                time,
                day,
                timezone,
                emailAddresses,
                webhookUrl,
                quietMode,
                quietStart,
                quietEnd,
                firstSeenTypes,
                firstSeenDays,
                firstSeenSources)) {
            field.setInvalid(false);
        }
        error.setText("");
        if (otherWebhooks.isEmpty()) {
            channelError.setText("");
        }
    }

    void markInvalid(InvalidSubscriptionException e) {
        // the exception's own message is English, as the API answers it
        String reason = String.valueOf(e.in(getLocale()).getMessage());
        Component field = field(e.field());
        if (field instanceof HasValidation v) {
            v.setErrorMessage(reason);
            v.setInvalid(true);
        } else {
            channelError.setText(reason);
        }
        error.setText(reason);
    }

    private @Nullable Component field(String name) {
        if (name.startsWith("channels[")) {
            int index = Integer.parseInt(name.substring("channels[".length(), name.indexOf(']')));
            return index < channelFields.size() ? channelFields.get(index) : null;
        }
        return switch (name) {
            case "name" -> this.name;
            case "query" -> query;
            case "topics" -> topics;
            case "sources" -> sources;
            case "entities" -> entities;
            case "languages" -> languages;
            case "frequency" -> frequency;
            case "time" -> time;
            case "day" -> day;
            case "timezone" -> timezone;
            case "quietHours" -> quietMode;
            case "quietStart" -> quietStart;
            case "quietEnd" -> quietEnd;
            case "spikeSensitivity" -> spikeSensitivity;
            case "spikeByEntity" -> entities;
            case "firstSeenTypes" -> firstSeenTypes;
            case "firstSeenDays" -> firstSeenDays;
            case "firstSeenSources" -> firstSeenSources;
            default -> null;
        };
    }
}
