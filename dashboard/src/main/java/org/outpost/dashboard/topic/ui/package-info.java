/** The topic page ({@code topics/:id}). */
@NullMarked
package org.outpost.dashboard.topic.ui;

import org.jspecify.annotations.NullMarked;
