/** The languages Outpost reads: the set every article's detected language comes from, and its detection. */
@NullMarked
package org.outpost.core.language;

import org.jspecify.annotations.NullMarked;
