package org.outpost.dashboard.elasticsearch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A local node launched before the context was built ({@link LocalNodeEarlyLaunch}), until the context takes it. */
final class LaunchedLocalNode {

    private static final Logger log = LoggerFactory.getLogger(LaunchedLocalNode.class);

    private final LocalNodeSettings settings;
    private final CompletableFuture<LocalElasticsearchNode> node;
    private volatile boolean taken;

    private LaunchedLocalNode(LocalNodeSettings settings, CompletableFuture<LocalElasticsearchNode> node) {
        this.settings = settings;
        this.node = node;
    }

    /** Unpacking (first start only), preparing the folders and starting the process, on its own thread. */
    static LaunchedLocalNode launchInBackground(LocalNodeSettings settings) {
        CompletableFuture<LocalElasticsearchNode> node = new CompletableFuture<>();
        Thread launcher = new Thread(
                () -> {
                    try {
                        node.complete(LocalElasticsearchNode.launch(settings));
                    } catch (RuntimeException e) {
                        node.completeExceptionally(e);
                    }
                },
                "outpost-elasticsearch-launch");
        launcher.setDaemon(true);
        launcher.start();
        return new LaunchedLocalNode(settings, node);
    }

    /**
     * The node, when it was launched with {@code wanted}: from now on the caller stops it. Null when the settings
     * differ (the node launched for them is stopped then), so the caller launches its own.
     *
     * @throws RuntimeException what the launch threw, e.g. a {@code NodeStartException}
     */
    @Nullable
    LocalElasticsearchNode takeOver(LocalNodeSettings wanted) {
        taken = true;
        if (!settings.equals(wanted)) {
            log.warn("The Elasticsearch node launched early was for other settings; starting another");
            stop();
            return null;
        }
        try {
            return node.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** After a failed start before the context took the node: stop it now rather than at JVM exit. */
    void closeUnlessTaken() {
        if (!taken) {
            stop();
        }
    }

    private void stop() {
        try {
            node.join().close();
        } catch (CompletionException e) {
            // the launch failed: no node to stop
        }
    }
}
