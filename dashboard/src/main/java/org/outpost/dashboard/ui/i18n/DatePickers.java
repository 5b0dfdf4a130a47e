package org.outpost.dashboard.ui.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the reader's language: the calendar's month and day names, its buttons and the
 * first day of the week (Monday in Russia and Central Asia) come from the language, not the
 * component's English defaults; dates are typed and shown as the language writes them.
 */
public final class DatePickers {

    private DatePickers() {}

    public static DatePicker of(String label) {
        Locale locale = Texts.locale();
        DatePicker picker = new DatePicker(label);
        picker.setLocale(locale);
        picker.setI18n(i18n(locale));
        return picker;
    }

    static DatePicker.DatePickerI18n i18n(Locale locale) {
        // the component lists weekdays from Sunday
        List<DayOfWeek> fromSunday = List.of(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdays(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdaysShort(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                        .toList())
                .setFirstDayOfWeek(WeekFields.of(
                                        locale.getCountry().isEmpty() && "ru".equals(locale.getLanguage())
                                                ? Locale.forLanguageTag("ru-RU")
                                                : locale)
                                .getFirstDayOfWeek()
                                .getValue()
                        % 7)
                .setToday(Texts.get(locale, "datePicker.today"))
                .setCancel(Texts.get(locale, "datePicker.cancel"));
    }
}
