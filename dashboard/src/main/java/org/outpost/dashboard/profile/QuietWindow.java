package org.outpost.dashboard.profile;

import java.time.LocalTime;

/**
 * A user's default quiet hours as they enter them: a daily window on the wall clock of their time
 * zone (22:00–07:00 runs past midnight).
 *
 * @param weekends whether Saturday and Sunday are quiet all day as well
 */
public record QuietWindow(LocalTime start, LocalTime end, boolean weekends) {}
