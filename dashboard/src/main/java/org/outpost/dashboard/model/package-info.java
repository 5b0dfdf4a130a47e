/** The learned topic model's life in the app: trained from the labelled sets and feedback, compared, switched on, rolled back. */
@NullMarked
package org.outpost.dashboard.model;

import org.jspecify.annotations.NullMarked;
