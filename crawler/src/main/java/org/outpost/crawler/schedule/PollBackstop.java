package org.outpost.crawler.schedule;

import java.time.Duration;
import java.util.Optional;
import org.outpost.crawler.source.Source;

/**
 * How slowly an adaptive source may be polled because something else brings its news (a WebSub
 * hub pushing its items): polling goes on, as a back-stop in case a push is missed, at this
 * interval unless the source's pace is slower still.
 */
public interface PollBackstop {

    /** Nothing else brings any source's news. */
    PollBackstop NONE = source -> Optional.empty();

    /** The back-stop interval of the source, empty while only polling finds its news. */
    Optional<Duration> interval(Source source);
}
