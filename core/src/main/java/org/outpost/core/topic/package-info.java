/** Topic scoring: the topic definitions, and a scorer that gives every text a score in [0, 1] per topic with its explanation. */
@NullMarked
package org.outpost.core.topic;

import org.jspecify.annotations.NullMarked;
