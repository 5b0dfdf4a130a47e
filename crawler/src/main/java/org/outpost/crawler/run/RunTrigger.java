package org.outpost.crawler.run;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE, MANUAL, RECOVERY, STARTUP
}
