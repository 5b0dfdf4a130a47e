/** Silent and failing sources: the usual gap learned from each source's history, failed runs in a row, alarms raised once. */
@NullMarked
package org.outpost.crawler.health;

import org.jspecify.annotations.NullMarked;
