package org.outpost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.util.FileSystemUtils;

/**
 * The module diagrams and canvases in {@code docs/modules} are generated from the code by Spring
 * Modulith's {@link Documenter}; this test fails when the committed files differ from what the code
 * generates now, so the picture cannot drift. {@code -Doutpost.docs.write=true} writes them instead.
 */
class ModuleDocumentationTest {

    /** The test runs in the dashboard module's folder; the docs live at the top of the repository. */
    static final Path COMMITTED =
            Path.of("..", "docs", "modules").toAbsolutePath().normalize();

    static final Path GENERATED = Path.of("target", "modulith-docs").toAbsolutePath();
    static final String REGENERATE = "./mvnw -pl dashboard -am test -Dtest=ModuleDocumentationTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Doutpost.docs.write=true";

    @Test
    void theCommittedModuleDiagramsAndCanvasesAreWhatTheCodeGenerates() throws IOException {
        FileSystemUtils.deleteRecursively(GENERATED); // so that a file the code no longer generates goes too
        new Documenter(ModulesTest.MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.C4))
                .writeModuleCanvases(CanvasOptions.defaults());
        Map<String, String> generated = read(GENERATED);
        assertThat(generated).as("files written by the Documenter").isNotEmpty();

        if (Boolean.getBoolean("outpost.docs.write")) {
            write(generated);
        }

        assertThat(comparable(read(COMMITTED)))
                .as(
                        "docs/modules differs from what the code generates; regenerate with%n  %s%nand commit docs/modules",
                        REGENERATE)
                .isEqualTo(comparable(generated));
        assertThat(COMMITTED.resolve(DIAGRAM_SVG))
                .as("the drawn diagram; regenerate with%n  %s", REGENERATE)
                .content(StandardCharsets.UTF_8)
                .contains(ModulesTest.MODULES.stream()
                        .map(m -> capitalized(m.getIdentifier().toString()))
                        .toList());
    }

    static final String DIAGRAM_SVG = "components.svg";

    /**
     * The module diagram drawn as SVG for the architecture document (GitHub shows SVG, not PlantUML), laid out by
     * PlantUML's own Java port of Graphviz so that the build needs no {@code dot} binary.
     */
    private static void draw(String puml) throws IOException {
        String source = puml.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (var out = Files.newOutputStream(COMMITTED.resolve(DIAGRAM_SVG))) {
            new net.sourceforge.plantuml.SourceStringReader(source)
                    .outputImage(
                            out,
                            new net.sourceforge.plantuml.FileFormatOption(net.sourceforge.plantuml.FileFormat.SVG));
        }
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The files with their lines sorted: the Documenter lists relations, beans and listeners in the order it meets
     * them, which is not fixed from one run to the next; what they say is. A canvas cell's first item shares its
     * line with the cell's {@code |} and is followed by a blank line, so whichever item comes first moves those:
     * the cell mark goes on a line of its own and blank lines are left out.
     */
    private static Map<String, List<String>> comparable(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, text) -> lines.put(
                name,
                text.lines()
                        .map(String::stripTrailing)
                        .flatMap(line -> line.startsWith("|* ") ? Stream.of("|", line.substring(1)) : Stream.of(line))
                        .filter(line -> !line.isEmpty())
                        .sorted()
                        .toList()));
        return lines;
    }

    /** The generated files by name (PlantUML and AsciiDoc only: README.md is written by hand). */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(ModuleDocumentationTest::isGenerated).toList()) {
                files.put(
                        file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return files;
    }

    private static void write(Map<String, String> generated) throws IOException {
        Files.createDirectories(COMMITTED);
        for (String stale : read(COMMITTED).keySet()) {
            if (!generated.containsKey(stale)) {
                Files.delete(COMMITTED.resolve(stale));
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        draw(generated.get("components.puml"));
    }

    private static boolean isGenerated(Path file) {
        String name = file.getFileName().toString();
        return List.of(".puml", ".adoc").stream().anyMatch(name::endsWith);
    }
}
