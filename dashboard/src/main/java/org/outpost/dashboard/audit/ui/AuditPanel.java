package org.outpost.dashboard.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.audit.AuditEntry;
import org.outpost.dashboard.audit.AuditQuery;
import org.outpost.dashboard.audit.JdbcAuditLog;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.DatePickers;
import org.outpost.dashboard.ui.i18n.LocalFormat;

/**
 * The audit log for admins: a grid of time, user, action and details, newest first, fetched a
 * page at a time as it scrolls; filtered by user (acting or acted upon), action and days.
 */
public class AuditPanel extends VerticalLayout {

    /** The actions offered in the filter; the log may hold others (any published type), found by the API. */
    static final List<String> TYPES = List.of(
            "AUTHENTICATION_SUCCESS",
            "AUTHENTICATION_FAILURE",
            "USER_CREATED",
            "USER_ROLE_CHANGED",
            "USER_DISABLED",
            "USER_ENABLED",
            "USER_DELETED",
            "PASSWORD_RESET",
            "ACCOUNT_UNLOCKED",
            "TOPICS_RELOADED",
            "SOURCE_CREATED",
            "SOURCE_CHANGED",
            "SOURCE_DELETED",
            "TOKEN_CREATED",
            "TOKEN_REVOKED",
            "EMAIL_CONFIRMED",
            "TOPIC_MODEL_TRAINED",
            "TOPIC_MODEL_SWITCHED",
            "TOPIC_MODEL_ROLLED_BACK");

    private final JdbcAuditLog log;
    final Grid<AuditEntry> grid = new Grid<>();
    final TextField user = new TextField();
    final ComboBox<String> type = new ComboBox<>();
    private final DatePicker from = DatePickers.of(getTranslation("audit.filter.from"));
    private final DatePicker to = DatePickers.of(getTranslation("audit.filter.to"));
    private final ZoneId zone;

    public AuditPanel(JdbcAuditLog log) {
        this.log = log;
        this.zone = UI.getCurrent() == null ? ReaderZone.FALLBACK : ReaderZone.of(UI.getCurrent());
        addClassName("audit-panel");
        setPadding(false);
        user.setLabel(getTranslation("audit.filter.user"));
        user.setClearButtonVisible(true);
        user.setMaxLength(100);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        type.setLabel(getTranslation("audit.filter.action"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(this::actionLabel);
        type.setClearButtonVisible(true);
        user.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(user, type, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addClassName("audit-grid");
        grid.addColumn(e -> LocalFormat.shortDateTimeSeconds(e.time(), zone, getLocale()))
                .setHeader(getTranslation("audit.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::principal)
                .setHeader(getTranslation("audit.user"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> actionLabel(e.type()))
                .setHeader(getTranslation("audit.action"))
                .setWidth("15rem")
                .setFlexGrow(0);
        grid.addColumn(AuditPanel::details)
                .setHeader(getTranslation("audit.details"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("32rem");
        add(filters, grid);
        refresh();
    }

    /** Lazily: the log grows without bound (up to its retention), the grid asks only for what it shows. */
    public void refresh() {
        AuditQuery query = query();
        grid.setItems(q -> log.list(query, q.getOffset(), q.getLimit()).stream(), q ->
                (int) Math.min(Integer.MAX_VALUE, log.count(query)));
    }

    private AuditQuery query() {
        return new AuditQuery(user.getValue(), type.getValue(), start(from.getValue()), start(dayAfter(to.getValue())));
    }

    private @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static @Nullable LocalDate dayAfter(@Nullable LocalDate day) {
        return day == null ? null : day.plusDays(1);
    }

    private String actionLabel(String type) {
        String key = "audit.type." + type;
        String label = getTranslation(key);
        // a type this panel has no name for (published by a newer part of the app) shows as it is
        return label.equals(key) || label.startsWith("!") ? type : label;
    }

    static String details(AuditEntry entry) {
        Map<String, Object> data = entry.data();
        String text = data.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return entry.clientAddress() == null
                ? text
                : (text.isEmpty() ? "" : text + ", ") + "ip=" + entry.clientAddress();
    }
}
