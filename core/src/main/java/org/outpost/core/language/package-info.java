/** The languages Outpost reads: the set every article's detected language comes from, and its detection. */
@NamedInterface("language")
@NullMarked
package org.outpost.core.language;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
