/** Topic scoring: the topic definitions, with clause lists per language, and a scorer that gives every text a score in [0, 1] per topic with its explanation, in English, Russian and the national languages. */
@NamedInterface("topic")
@NullMarked
package org.outpost.core.topic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
