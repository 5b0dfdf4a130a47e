package org.outpost.dashboard.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST API settings ({@code outpost.api.*}).
 *
 * @param maxRequestSize largest request body the API reads; a larger one is answered 413 before it is parsed
 */
@ConfigurationProperties("outpost.api")
record ApiProperties(@DefaultValue("1MB") DataSize maxRequestSize) {}
