/** Candidate clauses for the topic file, from the articles analysts marked as missing a topic, measured before an admin adds them. */
@NullMarked
package org.outpost.dashboard.suggestion;

import org.jspecify.annotations.NullMarked;
