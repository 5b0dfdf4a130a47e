package org.outpost.alerts;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window in which a user's alerts are held, not sent: from {@code start} to {@code end}
 * on the wall clock of {@code zone} (a window that ends before it starts runs past midnight, as
 * 22:00–07:00 does).
 *
 * @param weekends whether Saturday and Sunday are quiet all day as well
 */
public record QuietHours(LocalTime start, LocalTime end, boolean weekends, ZoneId zone) {}
