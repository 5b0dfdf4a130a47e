package org.outpost.dashboard;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings.
 *
 * @param dataDir where the app keeps its state: the H2 database and the local Elasticsearch node
 */
@ConfigurationProperties("outpost")
public record OutpostProperties(@DefaultValue("./data") Path dataDir) {}
