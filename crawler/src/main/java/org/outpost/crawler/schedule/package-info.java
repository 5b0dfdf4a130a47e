/** Quartz jobs, one per source, in the clustered JDBC job store. */
@NullMarked
package org.outpost.crawler.schedule;

import org.jspecify.annotations.NullMarked;
