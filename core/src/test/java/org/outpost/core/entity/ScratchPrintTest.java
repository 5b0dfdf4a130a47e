package org.outpost.core.entity;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchPrintTest {
    @Test
    void print() throws Exception {
        EntityTagger tagger = new EntityTagger(Gazetteer.defaults());
        for (String line : Files.readAllLines(Path.of("/tmp/scratch/texts.txt"))) {
            if (line.isBlank()) continue;
            StringBuilder out = new StringBuilder(line.substring(0, Math.min(60, line.length()))).append("\n   ");
            for (Mention m : tagger.mentions(line)) out.append(m.text()).append("=").append(m.entity().typed()).append("; ");
            System.out.println(out);
        }
    }
}
