package org.outpost.dashboard.classify;

import org.outpost.core.index.ArticleIndex;
import org.springframework.context.ApplicationEventPublisher;

/** Re-scoring over an index of a test's own, for tests outside this package (the service's constructor is not public). */
public final class RescoreServices {

    private RescoreServices() {}

    public static RescoreService over(
            ArticleIndex index, ClassifierService classifiers, ApplicationEventPublisher events) {
        return new RescoreService(index, classifiers, events);
    }
}
