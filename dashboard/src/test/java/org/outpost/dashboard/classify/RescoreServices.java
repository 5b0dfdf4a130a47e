package org.outpost.dashboard.classify;

import java.util.Optional;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.live.LiveEvents;
import org.springframework.context.ApplicationContext;

/**
 * Re-scoring over an index of a test's own, with the app's other parts (its run row, settings, classifiers), for
 * tests outside this package (the service's constructor is not public).
 */
public final class RescoreServices {

    private RescoreServices() {}

    public static RescoreService over(ArticleIndex index, ApplicationContext app) {
        return new RescoreService(
                index,
                app.getBean(ClassifierService.class),
                app,
                app.getBean(RescoreRuns.class),
                app.getBean(ClassifierProperties.class),
                app.getBean(LiveEvents.class),
                Optional.empty());
    }
}
