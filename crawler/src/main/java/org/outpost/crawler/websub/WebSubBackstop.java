package org.outpost.crawler.websub;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.outpost.crawler.schedule.PollBackstop;
import org.outpost.crawler.source.Source;
import org.springframework.stereotype.Component;

/** While a hub pushes a source's items, its adaptive polling slows to the back-stop interval. */
@Component
class WebSubBackstop implements PollBackstop {

    private final HubSubscriptions subscriptions;
    private final WebSubSettings settings;
    private final Clock clock;

    WebSubBackstop(HubSubscriptions subscriptions, WebSubSettings settings, Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public Optional<Duration> interval(Source source) {
        if (!settings.enabled()) {
            return Optional.empty(); // off: no query, polling exactly as before
        }
        return subscriptions
                .current(source.id())
                .filter(s -> s.pushing(clock.instant()))
                .map(s -> settings.backstopInterval());
    }
}
