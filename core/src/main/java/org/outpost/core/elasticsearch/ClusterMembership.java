package org.outpost.core.elasticsearch;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A local node's place in a cluster of several nodes on loopback (instead of the single-node
 * cluster the launcher runs by default): the cluster's name, this node's name and transport port,
 * the transport ports of every member to discover them by, and, on the very first start only, the
 * names of the master-eligible nodes that elect the first master.
 *
 * <p>The nodes stay on 127.0.0.1, so Elasticsearch stays in development mode and its bootstrap
 * checks (file descriptors, {@code vm.max_map_count}, …) are logged as warnings instead of
 * stopping the node, as they would once a node binds to a non-loopback address.
 *
 * @param clusterName {@code cluster.name}: nodes join only a cluster of their own name
 * @param nodeName {@code node.name}, unique in the cluster
 * @param transportPort this node's {@code transport.port} on loopback (fixed: the others seed from it)
 * @param seedTransportPorts transport ports of the cluster's master-eligible nodes ({@code discovery.seed_hosts})
 * @param initialMasterNodes {@code cluster.initial_master_nodes}: the node names voting in the first
 *     election, on the cluster's first start only; empty when the node restarts (Elasticsearch asks
 *     for the setting to be removed once the cluster has formed)
 */
public record ClusterMembership(
        String clusterName,
        String nodeName,
        int transportPort,
        List<Integer> seedTransportPorts,
        List<String> initialMasterNodes) {

    public ClusterMembership {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(nodeName, "nodeName");
        if (transportPort < 1 || transportPort > 65535) {
            throw new IllegalArgumentException("transportPort must be 1-65535, was " + transportPort);
        }
        seedTransportPorts = List.copyOf(seedTransportPorts);
        initialMasterNodes = List.copyOf(initialMasterNodes);
    }

    /** The same member restarting in a cluster that has formed already: no bootstrapping. */
    public ClusterMembership rejoining() {
        return new ClusterMembership(clusterName, nodeName, transportPort, seedTransportPorts, List.of());
    }

    /** The settings of {@code elasticsearch.yml} that make the node a member, one per line. */
    String yaml() {
        StringBuilder out = new StringBuilder()
                .append("cluster.name: ")
                .append(clusterName)
                .append('\n')
                .append("node.name: ")
                .append(nodeName)
                .append('\n')
                .append("discovery.seed_hosts: [")
                .append(seedTransportPorts.stream()
                        .map(port -> "\"127.0.0.1:" + port + "\"")
                        .collect(Collectors.joining(", ")))
                .append("]\n");
        if (!initialMasterNodes.isEmpty()) {
            out.append("cluster.initial_master_nodes: [")
                    .append(initialMasterNodes.stream()
                            .map(name -> "\"" + name + "\"")
                            .collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        return out.toString();
    }
}
