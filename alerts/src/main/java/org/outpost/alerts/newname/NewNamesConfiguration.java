package org.outpost.alerts.newname;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewNamesProperties.class)
class NewNamesConfiguration {}
