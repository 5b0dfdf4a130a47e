/** The learned topic model beside the rules: labelled text, training, the model and its blend with the rule scores, and quality measured per topic and language. */
@NamedInterface("topic-learn")
@NullMarked
package org.outpost.core.topic.learn;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
