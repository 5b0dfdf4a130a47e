/** Scheduled summary reports in the app: the REST API and the Reports view over the alerts module's ReportService. */
@NullMarked
package org.outpost.dashboard.report;

import org.jspecify.annotations.NullMarked;
