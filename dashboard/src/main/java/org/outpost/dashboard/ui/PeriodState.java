package org.outpost.dashboard.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.QueryParameters;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.TrendInterval;
import org.outpost.dashboard.ui.i18n.DatePickers;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The period a dashboard page shows (a preset ending now, or, where the page offers them, custom
 * days) and the reader's zone its days are counted in. The period lives in the page's address
 * ({@code ?range=30d}, {@code ?range=custom&from=2026-03-01&to=2026-03-31}) so that a view can be
 * shared: opening a link sets the controls without loading once per control, and every change of
 * a control writes the address and loads the page again. The page's other controls that live in
 * the address join with {@link #alsoInAddress}.
 */
public final class PeriodState implements Serializable {

    public static final String CUSTOM = "custom";
    private static final List<String> PRESETS = List.of("24h", "7d", "30d", "90d");

    private final Select<String> range = new Select<>();
    private final DatePicker fromDay = DatePickers.of(Texts.get("overview.from"));
    private final DatePicker toDay = DatePickers.of(Texts.get("overview.to"));
    private final List<String> ranges = new ArrayList<>(PRESETS);
    private final String fallback;
    private final SerializableRunnable reload;
    private SerializableSupplier<Map<String, String>> more = Map::of;
    private ZoneId zone = ReaderZone.FALLBACK;
    private boolean restoring;

    /**
     * @param fallback the preset shown when the address names none (or one this page does not offer)
     * @param customDays whether the page offers custom days (then {@link #fromDay()} and {@link #toDay()} belong on it)
     * @param reload loads the page for the period, after a change of a control or of the reader's zone
     */
    public PeriodState(String fallback, boolean customDays, SerializableRunnable reload) {
        this.fallback = fallback;
        this.reload = reload;
        if (customDays) {
            ranges.add(CUSTOM);
        }
        range.setLabel(Texts.get("overview.period"));
        range.setItems(ranges);
        range.setItemLabelGenerator(key -> Texts.get("period." + key));
        range.addClassName("range-select");
        range.addValueChangeListener(e -> showDays());
        watch(range, fromDay, toDay);
        showDays();
    }

    /** The page's other controls whose values the address keeps beside the period (after {@code range}, before the days). */
    public void alsoInAddress(SerializableSupplier<Map<String, String>> parameters, HasValue<?, ?>... controls) {
        this.more = parameters;
        watch(controls);
    }

    private void watch(HasValue<?, ?>... controls) {
        for (HasValue<?, ?> control : controls) {
            control.addValueChangeListener(e -> changed());
        }
    }

    /** Sets the period from the address, without loading: the page loads once itself afterwards. */
    public void restore(UI ui, QueryParameters address) {
        restore(ui, address, () -> {});
    }

    /**
     * Sets the controls from the address (and {@code others}, the page's own) without loading for each;
     * takes the zone the browser has already told, so that the first load counts the reader's days.
     * The page loads once itself afterwards.
     */
    public void restore(UI ui, QueryParameters address, Runnable others) {
        zone = ReaderZone.of(ui);
        restore(address, others);
    }

    void restore(QueryParameters address, Runnable others) {
        restoring = true;
        try {
            range.setValue(
                    address.getSingleParameter("range").filter(ranges::contains).orElse(fallback));
            if (ranges.contains(CUSTOM)) {
                fromDay.setValue(
                        address.getSingleParameter("from").map(PeriodState::day).orElse(null));
                toDay.setValue(
                        address.getSingleParameter("to").map(PeriodState::day).orElse(null));
            }
            others.run();
        } finally {
            restoring = false;
        }
    }

    /** Follows the zone the browser reports, loading again when it differs from the one counted in. */
    public void followReader(UI ui) {
        ReaderZone.follow(ui, this::readerIn);
    }

    void readerIn(ZoneId browser) {
        if (!browser.equals(zone)) {
            zone = browser;
            reload.run();
        }
    }

    private void changed() {
        if (restoring) {
            return;
        }
        // the URL always says what is shown, without a new history entry per click
        range.getUI()
                .ifPresent(ui -> ui.getPage()
                        .getHistory()
                        .replaceState(null, "?" + address().getQueryString()));
        reload.run();
    }

    /** What the address says: the range, the page's own parameters, then custom days. */
    QueryParameters address() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("range", range.getValue());
        params.putAll(more.get());
        if (custom()) {
            if (fromDay.getValue() != null) {
                params.put("from", fromDay.getValue().toString());
            }
            if (toDay.getValue() != null) {
                params.put("to", toDay.getValue().toString());
            }
        }
        return QueryParameters.simple(params);
    }

    private void showDays() {
        fromDay.setVisible(custom());
        toDay.setVisible(custom());
    }

    /** The chosen range's key ({@code 7d}, {@code custom}), the fallback before one is chosen. */
    public String key() {
        return range.getValue() == null ? fallback : range.getValue();
    }

    public boolean custom() {
        return CUSTOM.equals(range.getValue());
    }

    /** The chosen preset, or the fallback for custom days: what a link to another page's presets carries. */
    public String preset() {
        return custom() ? fallback : key();
    }

    public @Nullable LocalDate from() {
        return fromDay.getValue();
    }

    public @Nullable LocalDate to() {
        return toDay.getValue();
    }

    /** The reader's zone: the days of the period, of chart buckets and of links to Explore are counted in it. */
    public ZoneId zone() {
        return zone;
    }

    /** A chart category for a time bucket, in the reader's zone and language. */
    public String bucketLabel(Instant bucket, TrendInterval interval) {
        return DrillDown.bucketLabel(bucket, interval, zone);
    }

    public Select<String> range() {
        return range;
    }

    public DatePicker fromDay() {
        return fromDay;
    }

    public DatePicker toDay() {
        return toDay;
    }

    private static @Nullable LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
