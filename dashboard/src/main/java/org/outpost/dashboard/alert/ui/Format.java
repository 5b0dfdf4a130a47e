package org.outpost.dashboard.alert.ui;

import java.time.Instant;
import java.time.ZoneId;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/** Times as the alert pages show them: in the reader's zone and language, short. */
final class Format {

    private Format() {}

    static String dateTime(Instant instant, ZoneId zone) {
        return LocalFormat.dateTime(instant, zone, Texts.locale());
    }

    static String shortTime(Instant instant, ZoneId zone) {
        return LocalFormat.shortDateTime(instant, zone, Texts.locale());
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
