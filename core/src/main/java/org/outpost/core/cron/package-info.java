/** Outpost's one cron dialect, shared by source and report schedules. */
@NullMarked
package org.outpost.core.cron;

import org.jspecify.annotations.NullMarked;
