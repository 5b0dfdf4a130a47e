/** Outpost's one cron dialect, shared by source and report schedules. */
@NamedInterface("cron")
@NullMarked
package org.outpost.core.cron;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
