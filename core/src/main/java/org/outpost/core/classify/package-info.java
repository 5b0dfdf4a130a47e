/** Classifying a text: its topic scores and labels, with explanations, and the named entities it mentions. */
@NamedInterface("classify")
@NullMarked
package org.outpost.core.classify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
