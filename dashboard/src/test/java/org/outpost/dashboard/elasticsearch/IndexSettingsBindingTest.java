package org.outpost.dashboard.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.IndexPartition;
import org.outpost.core.index.IndexSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class IndexSettingsBindingTest {

    @Test
    void defaultsSuitASingleNodeAndKeepEverything() {
        ElasticsearchProperties.Index index = bind(Map.of()).index();

        assertThat(index.settings()).isEqualTo(IndexSettings.DEFAULTS);
        assertThat(index.retention()).isNull();
        assertThat(index.forceMergeAfter()).isNull();
    }

    @Test
    void aClusterSetsReplicasRetentionAndFreezing() {
        ElasticsearchProperties.Index index = bind(Map.of(
                        "outpost.elasticsearch.index.shards", "2",
                        "outpost.elasticsearch.index.replicas", "1",
                        "outpost.elasticsearch.index.refresh-interval", "5s",
                        "outpost.elasticsearch.index.partition", "year",
                        "outpost.elasticsearch.index.retention", "P2Y",
                        "outpost.elasticsearch.index.force-merge-after", "P1M"))
                .index();

        assertThat(index.settings()).isEqualTo(new IndexSettings(2, 1, Duration.ofSeconds(5), IndexPartition.YEAR));
        assertThat(index.retention()).isEqualTo(Period.ofYears(2));
        assertThat(index.forceMergeAfter()).isEqualTo(Period.ofMonths(1));
    }

    @Test
    void theAliasEnvironmentVariableDoesNotCollideWithTheIndexSettings() {
        // OUTPOST_ELASTICSEARCH_INDEX is the alias (see application.properties); relaxed binding also offers it
        // as outpost.elasticsearch.index, the group of these settings
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.of(
                                "OUTPOST_ELASTICSEARCH_INDEX",
                                "custom-articles",
                                "OUTPOST_ELASTICSEARCH_INDEX_REPLICAS",
                                "1")));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "app",
                        Map.of(
                                "outpost.elasticsearch.index-alias",
                                "${OUTPOST_ELASTICSEARCH_INDEX:outpost-articles}")));
        ElasticsearchProperties properties =
                Binder.get(environment).bindOrCreate("outpost.elasticsearch", ElasticsearchProperties.class);

        assertThat(properties.indexAlias()).isEqualTo("custom-articles");
        assertThat(properties.index().replicas()).isEqualTo(1);
    }

    private static ElasticsearchProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("outpost.elasticsearch", ElasticsearchProperties.class);
    }
}
