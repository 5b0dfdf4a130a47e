package org.outpost.dashboard.corpus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param importOnStart import the sample corpus on the first start (and again when it changes) */
@ConfigurationProperties("outpost.seeds")
record SeedsProperties(@DefaultValue("true") boolean importOnStart) {}
