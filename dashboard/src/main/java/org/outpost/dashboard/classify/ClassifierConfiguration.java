package org.outpost.dashboard.classify;

import java.nio.file.Path;
import org.outpost.core.classify.Classifier;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.topic.TopicDefinitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

    @Bean
    Classifier classifier(ClassifierProperties properties) {
        Gazetteer gazetteer = Gazetteer.defaults();
        if (properties.gazetteerFile() != null && !properties.gazetteerFile().isBlank()) {
            gazetteer = gazetteer.extendedWith(Gazetteer.load(Path.of(properties.gazetteerFile())));
        }
        return new Classifier(TopicDefinitions.load(properties.topicsFile()), gazetteer);
    }
}
