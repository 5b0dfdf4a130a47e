package org.outpost.core.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMembershipTest {

    private final ClusterMembership first = new ClusterMembership(
            "outpost-drill", "es-2", 9302, List.of(9301, 9302, 9303), List.of("es-1", "es-2", "es-3"));

    @Test
    void aMemberDiscoversEveryNodeOnLoopbackAndBootstrapsOnItsFirstStart() {
        assertThat(first.yaml())
                .contains("cluster.name: outpost-drill\n")
                .contains("node.name: es-2\n")
                .contains("discovery.seed_hosts: [\"127.0.0.1:9301\", \"127.0.0.1:9302\", \"127.0.0.1:9303\"]\n")
                .contains("cluster.initial_master_nodes: [\"es-1\", \"es-2\", \"es-3\"]\n")
                .doesNotContain("single-node");
    }

    @Test
    void aMemberRejoiningAFormedClusterDoesNotBootstrapAgain() {
        ClusterMembership again = first.rejoining();

        assertThat(again.yaml()).contains("discovery.seed_hosts").doesNotContain("initial_master_nodes");
        assertThat(again.transportPort()).isEqualTo(9302);
    }

    @Test
    void aMemberNeedsAFixedTransportPortForTheOthersToFindIt() {
        assertThatThrownBy(() -> new ClusterMembership("c", "n", 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transportPort");
    }
}
