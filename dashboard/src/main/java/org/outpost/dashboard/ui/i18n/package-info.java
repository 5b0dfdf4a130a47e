/** The interface in English and Russian: message bundles, plurals, locale formatting, the reader's language. */
@NullMarked
package org.outpost.dashboard.ui.i18n;

import org.jspecify.annotations.NullMarked;
