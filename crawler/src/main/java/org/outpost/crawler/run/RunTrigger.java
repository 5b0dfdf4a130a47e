package org.outpost.crawler.run;

import org.springframework.modulith.NamedInterface;

/** What started a run. */
@NamedInterface("run")
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    RECOVERY,
    STARTUP,
    /** A WebSub hub pushed new items of the source's feed. */
    PUSH
}
