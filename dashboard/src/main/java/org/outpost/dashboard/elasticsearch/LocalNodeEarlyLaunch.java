package org.outpost.dashboard.elasticsearch;

import org.jspecify.annotations.Nullable;
import org.outpost.core.elasticsearch.LocalNodeSettings;
import org.outpost.dashboard.OutpostProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Launches the local Elasticsearch node as soon as the app's settings are read, before the application context is
 * built: the node boots while Spring builds the context, two things of about ten seconds each on this machine that
 * ran one after the other before (issue 19, warm start). The context takes the node over
 * ({@link ElasticsearchConfiguration}) and waits for its health only once every bean exists.
 *
 * <p>Only the app's {@code main} adds it; a context built without it (the tests) starts the node itself. A launch
 * that cannot even be tried here (a setting that does not bind, no distribution) is left to the context, which
 * fails with its usual explanation.
 */
public final class LocalNodeEarlyLaunch implements ApplicationListener<SpringApplicationEvent> {

    static final String BEAN_NAME = "launchedLocalNode";
    private static final Logger log = LoggerFactory.getLogger(LocalNodeEarlyLaunch.class);

    private @Nullable LaunchedLocalNode launched;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            launched = launch(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent contextPrepared && launched != null) {
            contextPrepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, launched);
        } else if (event instanceof ApplicationFailedEvent && launched != null) {
            launched.closeUnlessTaken();
        }
    }

    /** The node launched for the settings in {@code environment}; null with an external cluster. */
    static @Nullable LaunchedLocalNode launch(Environment environment) {
        LocalNodeSettings settings;
        try {
            Binder binder = Binder.get(environment);
            ElasticsearchProperties properties =
                    binder.bindOrCreate("outpost.elasticsearch", ElasticsearchProperties.class);
            if (properties.external()) {
                return null;
            }
            OutpostProperties outpost = binder.bindOrCreate("outpost", OutpostProperties.class);
            settings = ElasticsearchConfiguration.localNodeSettings(properties, outpost.dataDir());
        } catch (RuntimeException e) {
            log.debug("Not launching Elasticsearch early: {}", e.toString());
            return null;
        }
        return LaunchedLocalNode.launchInBackground(settings);
    }
}
