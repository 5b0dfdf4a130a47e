package org.outpost.dashboard.live;

/** Another app instance recorded new articles (read by the live poll): counts kept by this one may lack them. */
public record ArticlesIndexedElsewhere(int articles) {}
