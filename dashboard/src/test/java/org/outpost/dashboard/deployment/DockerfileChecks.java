package org.outpost.dashboard.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the Dockerfile must get right without a Docker engine to find out: the user the image runs
 * as owns every folder the app writes, the healthcheck uses nothing the image lacks, and the build
 * builds the app alone (the dashboard and the modules it needs, no benchmarks, no Elasticsearch
 * distribution zip). Each problem is a sentence; none means the file passed.
 */
final class DockerfileChecks {

    static final String SKIP_NODE_PROPERTY = "skipElasticsearchNode";
    private static final String NODE_ZIP_GROUP = "org.elasticsearch.distribution.integ-test-zip";
    private static final Pattern JAVA_CLASS_PATH = Pattern.compile("\"-cp\",\\s*\"([^\"]+)\",\\s*\"([A-Za-z0-9_]+)\"");

    /** One instruction, its continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    private final List<Instruction> build;
    private final List<Instruction> image;
    private final Function<String, String> pomOfModule;
    private final List<String> problems = new ArrayList<>();

    private DockerfileChecks(String dockerfile, Function<String, String> pomOfModule) {
        List<Instruction> all = parse(dockerfile);
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        this.build = all.subList(0, lastFrom);
        this.image = all.subList(lastFrom, all.size());
        this.pomOfModule = pomOfModule;
    }

    /** @param pomOfModule the pom.xml text of a module folder ("" for the root) */
    static List<String> problems(String dockerfile, Function<String, String> pomOfModule) {
        DockerfileChecks checks = new DockerfileChecks(dockerfile, pomOfModule);
        checks.writablePaths();
        checks.healthcheck();
        checks.appOnlyBuild();
        return checks.problems;
    }

    static boolean hasHealthcheck(String dockerfile) {
        return new DockerfileChecks(dockerfile, m -> "")
                .image.stream().anyMatch(i -> i.keyword().equals("HEALTHCHECK"));
    }

    /** The data folder and its parent exist in the image and belong to the user it runs as, made so while root. */
    private void writablePaths() {
        String user = last("USER");
        if (user == null || user.equals("root") || user.startsWith("0")) {
            problems.add("the image runs as root (no USER, or USER root)");
            return;
        }
        String name = user.split(":")[0];
        String dataDir = env("OUTPOST_DATA_DIR");
        if (dataDir == null) {
            problems.add("the image sets no OUTPOST_DATA_DIR: the app would write ./data under its working folder");
            return;
        }
        String parent = dataDir.substring(0, dataDir.lastIndexOf('/'));
        String asRoot = String.join("\n", runsBeforeUser());
        for (String path : List.of(dataDir, parent)) {
            int created = created(asRoot, path);
            if (created < 0) {
                problems.add(path + " is not created in the image (mkdir -p, or useradd --create-home)");
                continue;
            }
            int owned = chowned(asRoot, path, name);
            if (owned < 0) {
                problems.add(path + " is not handed to " + name + " (chown) before USER " + user
                        + ": the app, and a volume mounted there, could not be written");
            } else if (owned < created) {
                problems.add(path + " is handed to " + name + " before it is created");
            }
        }
    }

    private void healthcheck() {
        String check = image.stream()
                .filter(i -> i.keyword().equals("HEALTHCHECK"))
                .map(Instruction::arguments)
                .reduce((a, b) -> b)
                .orElse(null);
        if (check == null) {
            problems.add("the image has no HEALTHCHECK");
            return;
        }
        String installs = String.join(
                "\n",
                image.stream()
                        .filter(i -> i.keyword().equals("RUN"))
                        .map(Instruction::arguments)
                        .filter(r -> r.contains("apt-get install") || r.contains("apk add"))
                        .toList());
        for (String tool : List.of("curl", "wget")) {
            if (Pattern.compile("\\b" + tool + "\\b").matcher(check).find()
                    && !Pattern.compile("\\b" + tool + "\\b").matcher(installs).find()) {
                problems.add("the HEALTHCHECK uses " + tool + ", which the image does not install"
                        + " (newer base images do not carry it)");
            }
        }
        Matcher java = JAVA_CLASS_PATH.matcher(check);
        if (java.find()) {
            String folder = java.group(1);
            String probe = java.group(2);
            boolean copied = image.stream()
                    .anyMatch(i -> i.keyword().equals("COPY") && i.arguments().endsWith(" " + folder));
            String source = "deploy/docker/" + probe + ".java";
            boolean compiled = build.stream()
                    .anyMatch(i -> i.keyword().equals("RUN")
                            && i.arguments().contains("javac")
                            && i.arguments().contains(source));
            if (!copied || !compiled || !Files.exists(RepositoryFiles.path(source))) {
                problems.add("the HEALTHCHECK runs class " + probe + " from " + folder + ", which is not compiled from "
                        + source + " in the build stage and copied there");
            }
        }
    }

    /** The Maven build of the build stage: the dashboard and what it needs, without the node zip. */
    private void appOnlyBuild() {
        String maven = build.stream()
                .filter(i -> i.keyword().equals("RUN"))
                .map(Instruction::arguments)
                .filter(r -> r.matches("(?s).*\\b(mvn|mvnw)\\b.*\\bpackage\\b.*"))
                .findFirst()
                .orElse(null);
        if (maven == null) {
            problems.add("the build stage runs no Maven package");
            return;
        }
        if (!maven.contains("-pl dashboard") || !maven.contains("-am")) {
            problems.add("the build builds every module (benchmarks too): build -pl dashboard -am");
        }
        if (maven.contains("benchmarks")) {
            problems.add("the build builds the benchmarks");
        }
        if (!maven.contains("-D" + SKIP_NODE_PROPERTY)) {
            problems.add("the build resolves the Elasticsearch distribution zip: pass -D" + SKIP_NODE_PROPERTY);
        }
        for (String module : dashboardAndItsModules()) {
            if (nodeZipOutsideSkippableProfile(pomOfModule.apply(module))) {
                problems.add((module.isEmpty() ? "the root pom" : module + "/pom.xml")
                        + " depends on the Elasticsearch distribution zip outside a profile that -D"
                        + SKIP_NODE_PROPERTY + " turns off");
            }
        }
    }

    /** The root and the modules -pl dashboard -am builds: dashboard and the outpost modules it depends on. */
    private Set<String> dashboardAndItsModules() {
        Map<String, String> folderOfArtifact = new LinkedHashMap<>();
        Document root = xml(pomOfModule.apply(""));
        for (Element module : elements(root.getDocumentElement(), "modules", "module")) {
            String folder = module.getTextContent().strip();
            Element project = xml(pomOfModule.apply(folder)).getDocumentElement();
            folderOfArtifact.put(child(project, "artifactId"), folder);
        }
        Set<String> seen = new LinkedHashSet<>(List.of(""));
        Deque<String> next = new ArrayDeque<>(List.of("dashboard"));
        while (!next.isEmpty()) {
            String folder = next.pop();
            if (!seen.add(folder)) {
                continue;
            }
            Element project = xml(pomOfModule.apply(folder)).getDocumentElement();
            for (Element dependency : elements(project, "dependencies", "dependency")) {
                String target = folderOfArtifact.get(child(dependency, "artifactId"));
                if ("org.outpost".equals(child(dependency, "groupId")) && target != null) {
                    next.add(target);
                }
            }
        }
        return seen;
    }

    private static boolean nodeZipOutsideSkippableProfile(String pom) {
        NodeList dependencies = xml(pom).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!NODE_ZIP_GROUP.equals(child(dependency, "groupId")) || underDependencyManagement(dependency)) {
                continue;
            }
            Element profile = enclosing(dependency, "profile");
            String activation = profile == null
                    ? null
                    : profile.getElementsByTagName("activation").getLength() == 0
                            ? null
                            : ((Element) profile.getElementsByTagName("activation")
                                            .item(0))
                                    .getTextContent()
                                    .strip();
            if (!("!" + SKIP_NODE_PROPERTY).equals(activation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean underDependencyManagement(Element element) {
        return enclosing(element, "dependencyManagement") != null;
    }

    private static @Nullable Element enclosing(Element element, String tag) {
        for (Node n = element.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private List<String> runsBeforeUser() {
        List<String> runs = new ArrayList<>();
        for (Instruction i : image) {
            if (i.keyword().equals("USER")) {
                break;
            }
            if (i.keyword().equals("RUN")) {
                runs.add(i.arguments());
            }
        }
        return runs;
    }

    /** Position of the command that creates {@code path} (mkdir, mkdir -p of a folder below it, useradd -m), or -1. */
    private static int created(String commands, String path) {
        String p = Pattern.quote(path);
        Matcher mkdir = Pattern.compile("mkdir\\s+((?:-\\S+\\s+)*)([^&;|\\n]*\\s)?" + p + "(/\\S*)?(\\s|$)")
                .matcher(commands);
        while (mkdir.find()) {
            if (mkdir.group(3) == null || mkdir.group(1).contains("-p")) {
                return mkdir.start();
            }
        }
        Matcher home = Pattern.compile("useradd\\b[^&;|\\n]*--home-dir\\s+" + p + "\\s[^&;|\\n]*(--create-home|-m\\b)")
                .matcher(commands);
        return home.find() ? home.start() : -1;
    }

    /** Position of a chown of {@code path} (or, with -R, of a folder above it) to {@code user}, or -1. */
    private static int chowned(String commands, String path, String user) {
        Matcher chown = Pattern.compile("chown\\s+(-R\\s+)?" + Pattern.quote(user) + "(:\\S+)?\\s+([^&;|\\n]+)")
                .matcher(commands);
        while (chown.find()) {
            boolean recursive = chown.group(1) != null;
            for (String target : chown.group(3).strip().split("\\s+")) {
                if (target.equals(path) || (recursive && path.startsWith(target + "/"))) {
                    return chown.start();
                }
            }
        }
        return -1;
    }

    private @Nullable String last(String keyword) {
        String value = null;
        for (Instruction i : image) {
            if (i.keyword().equals(keyword)) {
                value = i.arguments().strip();
            }
        }
        return value;
    }

    private @Nullable String env(String name) {
        Pattern assignment = Pattern.compile("(?:^|\\s)" + name + "(?:=|\\s+)(\\S+)");
        String value = null;
        for (Instruction i : image) {
            if (i.keyword().equals("ENV")) {
                Matcher m = assignment.matcher(i.arguments());
                if (m.find()) {
                    value = m.group(1);
                }
            }
        }
        return value;
    }

    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(continues ? "\n" : "");
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(
                        (space < 0 ? text : text.substring(0, space)).toUpperCase(java.util.Locale.ROOT),
                        space < 0 ? "" : text.substring(space + 1).strip()));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a pom: " + e, e);
        }
    }

    /** Direct children named {@code item} of the direct child {@code list} of {@code parent}. */
    private static List<Element> elements(Element parent, String list, String item) {
        List<Element> result = new ArrayList<>();
        for (Node l = parent.getFirstChild(); l != null; l = l.getNextSibling()) {
            if (l instanceof Element e && e.getTagName().equals(list)) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element ce && ce.getTagName().equals(item)) {
                        result.add(ce);
                    }
                }
            }
        }
        return result;
    }

    private static @Nullable String child(Element parent, String tag) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
