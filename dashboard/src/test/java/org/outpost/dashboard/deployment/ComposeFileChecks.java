package org.outpost.dashboard.deployment;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * What can go wrong in docker-compose.yml without a Docker engine to find it: references to
 * services, volumes and variables that do not exist, services without a restart policy or a
 * healthcheck, app settings the app does not read, and a scale-out topology whose parts do not
 * agree (instances on different databases or clusters, a cluster whose nodes do not find each
 * other). Each check reports a problem as a sentence; none means the file passed.
 */
final class ComposeFileChecks {

    /** The service `docker compose --profile scale-out up proxy` names (docs/deployment.md). */
    static final String SCALE_OUT_ENTRY = "proxy";

    static final String APP_DATA_DIR = "/var/lib/outpost/data";
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");
    private static final Set<String> RESTARTS_OF_SERVERS = Set.of("unless-stopped", "always");

    /**
     * @param deploymentGuide docs/deployment.md, where every variable the file reads is explained
     * @param imageHealthcheck whether the image built from the Dockerfile has its own HEALTHCHECK
     */
    record Context(String deploymentGuide, KnownSettings settings, boolean imageHealthcheck) {}

    private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    private final Set<String> declaredVolumes = new LinkedHashSet<>();
    private final Context context;
    private final List<String> problems = new ArrayList<>();

    private ComposeFileChecks(String yaml, Context context) {
        this.context = context;
        Map<String, Object> root = map(new Yaml().load(yaml));
        map(root.get("services")).forEach((name, service) -> services.put(name, map(service)));
        declaredVolumes.addAll(map(root.get("volumes")).keySet());
    }

    static List<String> problems(String yaml, Context context) {
        ComposeFileChecks checks = new ComposeFileChecks(yaml, context);
        checks.services.forEach((name, service) -> {
            checks.dependencies(name, service);
            checks.volumes(name, service);
            checks.variables(name, service);
            checks.restart(name, service);
            checks.healthcheck(name, service);
            if (isApp(service)) {
                checks.appSettings(name, service);
                checks.appWaitsForWhatItUses(name, service);
            }
        });
        checks.unusedVolumes();
        checks.scaleOut();
        return checks.problems;
    }

    private void dependencies(String name, Map<String, Object> service) {
        dependsOn(service).forEach((dependency, condition) -> {
            Map<String, Object> target = services.get(dependency);
            if (target == null) {
                problems.add(name + " depends on " + dependency + ", which is not a service");
            } else if (condition.equals("service_healthy") && !hasHealthcheck(target)) {
                problems.add(name + " waits for " + dependency + " to be healthy, which has no healthcheck");
            } else if (condition.equals("service_completed_successfully") && !isOneShot(target)) {
                problems.add(name + " waits for " + dependency + " to complete, which is restarted (restart: "
                        + target.get("restart") + ") and so never completes for good");
            }
        });
    }

    private void volumes(String name, Map<String, Object> service) {
        for (String source : volumeSources(service).keySet()) {
            if (isNamedVolume(source) && !declaredVolumes.contains(source)) {
                problems.add(name + " mounts volume " + source + ", which is not declared under volumes:");
            }
        }
    }

    private void unusedVolumes() {
        Set<String> used = services.values().stream()
                .flatMap(s -> volumeSources(s).keySet().stream())
                .collect(Collectors.toSet());
        declaredVolumes.stream()
                .filter(v -> !used.contains(v))
                .forEach(v -> problems.add("volume " + v + " is declared but no service mounts it"));
    }

    private void variables(String name, Map<String, Object> service) {
        for (String text : strings(service)) {
            Matcher variable = VARIABLE.matcher(text);
            while (variable.find()) {
                String var = variable.group(1);
                String modifier = variable.group(2);
                if (!context.deploymentGuide().contains("`" + var + "`")) {
                    problems.add(name + " reads ${" + var + "}, which docs/deployment.md does not explain");
                }
                if ((modifier.startsWith(":?") || modifier.startsWith("?")) && service.containsKey("profiles")) {
                    // Compose interpolates every service before it applies profiles: a required
                    // variable of a profile's service would stop `docker compose up` without it
                    problems.add(name + " requires ${" + var + "} but belongs to profile " + service.get("profiles")
                            + ": every start without that profile would fail for want of it");
                }
            }
        }
    }

    private void restart(String name, Map<String, Object> service) {
        Object restart = service.get("restart");
        if (restart == null) {
            problems.add(name + " has no restart policy");
        } else if (isTargetOfCompletion(name)) {
            if (!isOneShot(service)) {
                problems.add(name + " runs once (others wait for it to complete) but has restart: " + restart);
            }
        } else if (!RESTARTS_OF_SERVERS.contains(String.valueOf(restart))) {
            problems.add(name + " is a server but has restart: " + restart + " (unless-stopped or always)");
        }
    }

    private void healthcheck(String name, Map<String, Object> service) {
        String image = String.valueOf(service.getOrDefault("image", ""));
        boolean needsOne =
                isApp(service) || image.startsWith("docker.elastic.co/elasticsearch/") || image.startsWith("postgres:");
        if (needsOne && !isOneShot(service) && !hasHealthcheck(service)) {
            problems.add(name + " has no healthcheck");
        }
    }

    private void appSettings(String name, Map<String, Object> service) {
        for (String variable : environment(service).keySet()) {
            if (!context.settings().reads(variable)) {
                problems.add(name + " sets " + variable + ", which is no setting the app reads"
                        + " (application.properties, docs/settings.md, Spring Boot's metadata)");
            }
        }
    }

    /** An instance must wait for the database and every Elasticsearch node it is given. */
    private void appWaitsForWhatItUses(String name, Map<String, Object> service) {
        Map<String, String> environment = environment(service);
        Set<String> used = new TreeSet<>(elasticsearchHosts(environment));
        String database = environment.get("SPRING_DATASOURCE_URL");
        if (database != null) {
            used.add(host(database.substring("jdbc:".length())));
        }
        Map<String, String> dependsOn = dependsOn(service);
        for (String host : used) {
            if (!services.containsKey(host)) {
                problems.add(name + " connects to " + host + ", which is not a service");
            } else if (!"service_healthy".equals(dependsOn.get(host))) {
                problems.add(name + " connects to " + host + " but does not wait for it to be healthy");
            }
        }
    }

    /**
     * What `docker compose --profile scale-out up proxy` starts: two or more instances on one
     * database and one cluster, sharing the alerts key, a cluster whose nodes find each other,
     * and not the one-instance stack's app.
     */
    private void scaleOut() {
        if (!services.containsKey(SCALE_OUT_ENTRY)) {
            problems.add("no " + SCALE_OUT_ENTRY + " service: the scale-out profile has no entry point");
            return;
        }
        Set<String> started = closure(SCALE_OUT_ENTRY);
        started.retainAll(services.keySet());
        List<String> apps = started.stream().filter(s -> isApp(services.get(s))).toList();
        if (apps.size() < 2) {
            problems.add(SCALE_OUT_ENTRY + " brings up " + apps.size() + " app instance(s), not two or more: " + apps);
        }
        apps.stream()
                .filter(s -> !services.get(s).containsKey("profiles"))
                .forEach(s -> problems.add(SCALE_OUT_ENTRY + " brings up " + s
                        + ", which belongs to every start: the one-instance stack would share the database"));
        agree(apps, "SPRING_DATASOURCE_URL", "the same database");
        agree(apps, "OUTPOST_ELASTICSEARCH_URL", "the same Elasticsearch cluster");
        agree(apps, "OUTPOST_ALERTS_SECRET_KEY", "the same alerts secret key");
        Set<String> dataVolumes = apps.stream()
                .map(s -> volumeSources(services.get(s)).entrySet().stream()
                        .filter(e -> e.getValue().equals(APP_DATA_DIR))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse("(none)"))
                .collect(Collectors.toSet());
        if (dataVolumes.size() != 1) {
            problems.add("the scale-out instances keep their data folder (and the generated alerts key) in different"
                    + " volumes " + dataVolumes + ": webhooks saved by one could not be read by the other");
        }
        Set<String> nodes = new TreeSet<>(started.stream()
                .filter(s -> String.valueOf(services.get(s).get("image")).startsWith("docker.elastic.co/"))
                .filter(s -> !isOneShot(services.get(s)))
                .toList());
        for (String app : apps) {
            Set<String> given = new TreeSet<>(elasticsearchHosts(environment(services.get(app))));
            if (!given.equals(nodes)) {
                problems.add(app + " is given the nodes " + given + " but the cluster is " + nodes);
            }
        }
        cluster(nodes);
    }

    private void cluster(Set<String> nodes) {
        Set<String> clusterNames = new TreeSet<>();
        for (String node : nodes) {
            Map<String, String> settings = environment(services.get(node));
            clusterNames.add(settings.getOrDefault("cluster.name", "(none)"));
            if (!node.equals(settings.get("node.name"))) {
                problems.add(node + " has node.name " + settings.get("node.name") + ", not its service name");
            }
            Set<String> reachable = new TreeSet<>(list(settings.get("discovery.seed_hosts")));
            reachable.add(node);
            if (!reachable.equals(nodes)) {
                problems.add(node + " finds " + reachable + " through discovery.seed_hosts, not the cluster " + nodes);
            }
            Set<String> masters = new TreeSet<>(list(settings.get("cluster.initial_master_nodes")));
            if (!masters.equals(nodes)) {
                problems.add(node + " bootstraps with cluster.initial_master_nodes " + masters + ", not " + nodes);
            }
            String repository = settings.get("path.repo");
            if (repository == null || !volumeSources(services.get(node)).containsValue(repository)) {
                problems.add(node + " has no path.repo on a mounted volume: snapshots need one shared by all nodes");
            }
        }
        if (clusterNames.size() > 1) {
            problems.add("the nodes " + nodes + " name different clusters: " + clusterNames);
        }
    }

    private void agree(List<String> apps, String variable, String what) {
        Set<@Nullable String> values = new LinkedHashSet<>();
        apps.forEach(app -> values.add(environment(services.get(app)).get(variable)));
        if (values.size() > 1) {
            problems.add("the scale-out instances " + apps + " do not share " + what + " (" + variable + ": " + values
                    + ")");
        }
    }

    private Set<String> closure(String entry) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(entry));
        while (!next.isEmpty()) {
            String service = next.pop();
            if (seen.add(service) && services.containsKey(service)) {
                next.addAll(dependsOn(services.get(service)).keySet());
            }
        }
        return seen;
    }

    private boolean hasHealthcheck(Map<String, Object> service) {
        return service.containsKey("healthcheck") || (isApp(service) && context.imageHealthcheck());
    }

    private boolean isTargetOfCompletion(String name) {
        return services.values().stream()
                .anyMatch(s ->
                        "service_completed_successfully".equals(dependsOn(s).get(name)));
    }

    private static boolean isOneShot(Map<String, Object> service) {
        return Set.of("no", "on-failure").contains(String.valueOf(service.get("restart")));
    }

    /** The app: the image built from this repository's Dockerfile. */
    private static boolean isApp(Map<String, Object> service) {
        Object build = service.get("build");
        return ".".equals(build) || (build instanceof Map<?, ?> b && ".".equals(b.get("context")));
    }

    /** depends_on in either form, as dependency → condition (the list form means service_started). */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Object value = service.get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof List<?> names) {
            names.forEach(n -> result.put(String.valueOf(n), "service_started"));
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((n, spec) -> result.put(
                    String.valueOf(n),
                    spec instanceof Map<?, ?> s
                            ? String.valueOf(Objects.requireNonNullElse(s.get("condition"), "service_started"))
                            : "service_started"));
        }
        return result;
    }

    /** The environment in either form (map, or list of NAME=value). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object value = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return result;
    }

    /** Mounts as source → target (short syntax {@code source:target[:mode]} or the long one). */
    private static Map<String, String> volumeSources(Map<String, Object> service) {
        Map<String, String> result = new LinkedHashMap<>();
        if (service.get("volumes") instanceof List<?> mounts) {
            for (Object mount : mounts) {
                if (mount instanceof Map<?, ?> m && m.get("source") != null) {
                    result.put(String.valueOf(m.get("source")), String.valueOf(m.get("target")));
                } else {
                    String[] parts = String.valueOf(mount).split(":");
                    if (parts.length >= 2) {
                        result.put(parts[0], parts[1]);
                    }
                }
            }
        }
        return result;
    }

    private static boolean isNamedVolume(String source) {
        return !(source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || source.startsWith("$"));
    }

    private static List<String> elasticsearchHosts(Map<String, String> environment) {
        String urls = environment.get("OUTPOST_ELASTICSEARCH_URL");
        return urls == null || urls.isBlank()
                ? List.of()
                : list(urls).stream().map(ComposeFileChecks::host).toList();
    }

    private static String host(String url) {
        return Objects.requireNonNullElse(URI.create(url.strip()).getHost(), url);
    }

    private static List<String> list(@Nullable String commaSeparated) {
        return commaSeparated == null
                ? List.of()
                : Arrays.stream(commaSeparated.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> result.addAll(strings(v)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> result.addAll(strings(v)));
        } else if (value instanceof String s) {
            result.add(s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
