/** Classifying a text: its topic scores and labels, with explanations, and the named entities it mentions. */
@NullMarked
package org.outpost.core.classify;

import org.jspecify.annotations.NullMarked;
