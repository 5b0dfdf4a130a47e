/** The admin page for analysts' feedback: counts and agreement per topic, and the articles behind each. */
@NullMarked
package org.outpost.dashboard.feedback.ui;

import org.jspecify.annotations.NullMarked;
