package org.outpost.alerts;

import java.util.Locale;

/**
 * The language a user reads Outpost in: their alerts and the reports they own are written in it.
 * The alerts module answers English for everyone unless the app provides its own bean (the
 * dashboard's per-user setting). Locales other than English and Russian are read as English.
 */
public interface ReaderLanguages {

    Locale of(String username);
}
