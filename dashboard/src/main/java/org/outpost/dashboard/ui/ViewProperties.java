package org.outpost.dashboard.ui;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard's pages answer ({@code outpost.dashboard.*}).
 *
 * @param firstAnswerWait how long a page's first answer waits for its background counts: those done by then are in
 *     the answer itself, the rest arrive by push; 0 sends every count by push
 */
@ConfigurationProperties("outpost.dashboard")
record ViewProperties(@DefaultValue("250ms") Duration firstAnswerWait) {}
