package org.outpost.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The reader's time zone: the one the browser reports. Days on every page are the reader's days,
 * so the day a chart bucket shows is the day Explore filters when the bucket is clicked. UTC
 * until the browser has told its zone (Vaadin asks once per browser tab and keeps the answer),
 * or when it names a zone Java does not know.
 */
public final class ReaderZone {

    public static final ZoneId FALLBACK = ZoneOffset.UTC;

    private ReaderZone() {}

    /** The zone already known for this tab, or {@link #FALLBACK}. */
    public static ZoneId of(UI ui) {
        return parse(ui.getPage().getExtendedClientDetails().getTimeZoneId());
    }

    /** Tells the reader's zone: at once when the browser has already reported it, otherwise once it has. */
    public static void follow(UI ui, SerializableConsumer<ZoneId> receiver) {
        ui.getPage().retrieveExtendedClientDetails(details -> receiver.accept(parse(details.getTimeZoneId())));
    }

    static ZoneId parse(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return FALLBACK;
        }
        try {
            ZoneId zone = ZoneId.of(id);
            // a browser in UTC says "Etc/UTC" or "UTC": the same days as the fallback, and reporting it as
            // another zone made every view load its data a second time when the browser answered
            return zone.normalized().equals(FALLBACK) ? FALLBACK : zone;
        } catch (DateTimeException e) {
            return FALLBACK;
        }
    }
}
