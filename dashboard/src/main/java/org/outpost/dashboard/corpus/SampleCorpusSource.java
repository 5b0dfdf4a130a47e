package org.outpost.dashboard.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.crawl.SourceBusyException;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.outpost.seeds.SampleCorpus;
import org.outpost.seeds.SampleDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the sample corpus the way any folder is crawled: the pages (and their manifest) are
 * written to {@code <data>/sample-corpus}, a folder source "Sample corpus" points there, and it is
 * run before the app serves requests. The folder source reads a file again only when it changed,
 * so later starts do almost nothing; article ids are stable, so nothing is indexed twice.
 */
@Component
@Order(10)
class SampleCorpusSource implements ApplicationRunner {

    static final String NAME = "Sample corpus";
    private static final Logger log = LoggerFactory.getLogger(SampleCorpusSource.class);

    private final SourceService sources;
    private final SeedsProperties properties;
    private final Path folder;

    SampleCorpusSource(SourceService sources, SeedsProperties properties, @Value("${outpost.data-dir}") Path dataDir) {
        this.sources = sources;
        this.properties = properties;
        this.folder = dataDir.toAbsolutePath().normalize().resolve("sample-corpus");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importOnStart()) {
            CrawlRun run;
            try {
                run = load();
            } catch (SourceBusyException e) {
                log.info("The sample corpus is being loaded by another instance");
                return;
            }
            log.info(
                    "Sample corpus: {} new, {} unchanged, {} copies ({})",
                    run.articlesNew(),
                    run.articlesUnchanged(),
                    run.articlesDuplicate(),
                    run.status());
        }
    }

    CrawlRun load() {
        unpack(SampleCorpus.load());
        Source source = sources.addIfAbsent(
                new SourceDefinition(NAME, "folder", folder.toString(), "PT24H", "UTC", true, "en", null, null, false));
        sources.schedule(source.id());
        return sources.runAndWait(source.id(), RunTrigger.STARTUP);
    }

    Path folder() {
        return folder;
    }

    private void unpack(SampleCorpus corpus) {
        try {
            Files.createDirectories(folder);
            for (SampleDocument document : corpus.documents()) {
                writeIfChanged(folder.resolve(document.file()), document.text());
            }
            writeIfChanged(folder.resolve("manifest.json"), corpus.manifestJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sample corpus to " + folder, e);
        }
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        if (!Files.exists(file)
                || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
