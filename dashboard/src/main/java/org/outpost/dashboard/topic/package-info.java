/** One topic's page: its trend, top entities and sources, emerging terms and latest articles. */
@NullMarked
package org.outpost.dashboard.topic;

import org.jspecify.annotations.NullMarked;
