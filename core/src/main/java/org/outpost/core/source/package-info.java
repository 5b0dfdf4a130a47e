/** What the crawler tells the other modules about a source's health: silent and failing sources. */
@NamedInterface("source")
@NullMarked
package org.outpost.core.source;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
