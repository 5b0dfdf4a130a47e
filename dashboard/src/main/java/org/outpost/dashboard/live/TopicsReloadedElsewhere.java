package org.outpost.dashboard.live;

/** Another app instance reloaded the topic files: this one should read them again too. */
public record TopicsReloadedElsewhere(String origin) {}
