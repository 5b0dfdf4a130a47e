/**
 * Scheduled summary reports: definitions (scope, period, cron schedule, recipients), the runs
 * that render them to HTML with a server-drawn trend chart, email them and keep them for the
 * dashboard, and PDF copies. {@link org.outpost.alerts.report.ReportService} is the entry point.
 */
@NullMarked
package org.outpost.alerts.report;

import org.jspecify.annotations.NullMarked;
