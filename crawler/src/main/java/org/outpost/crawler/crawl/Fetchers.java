package org.outpost.crawler.crawl;

import org.outpost.crawler.fetch.FetchSettings;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.source.Source;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The two fetchers: the guarded one for sources added by users, and one that may reach private
 * addresses for sources an admin marked as intranet (or for every source when the deployment's
 * setting allows private addresses). Each keeps its own robots cache and per-host queue.
 */
@Component
class Fetchers implements DisposableBean {

    private final PageFetcher guarded;
    private final PageFetcher intranet;

    Fetchers(FetchSettings settings) {
        this.guarded = new PageFetcher(settings);
        this.intranet =
                settings.allowPrivateAddresses() ? guarded : new PageFetcher(settings.withAllowPrivateAddresses(true));
    }

    PageFetcher forSource(Source source) {
        return source.allowPrivate() ? intranet : guarded;
    }

    @Override
    public void destroy() {
        guarded.close();
        intranet.close();
    }
}
