/** The admin page for topic definitions and re-scoring. */
@NullMarked
package org.outpost.dashboard.classify.ui;

import org.jspecify.annotations.NullMarked;
