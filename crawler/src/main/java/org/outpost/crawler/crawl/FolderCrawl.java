package org.outpost.crawler.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleId;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;
import org.outpost.crawler.extract.ArticleExtractor;
import org.outpost.crawler.extract.ExtractedArticle;
import org.outpost.crawler.extract.ExtractionException;
import org.outpost.crawler.fetch.TextDecoder;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestOutcome;
import org.springframework.stereotype.Component;

/**
 * Crawls a local folder of text and HTML files (the sample corpus is one). Text files go through
 * the page cleaner, which splits digests into their stories; HTML files through the extractor.
 * An optional {@code manifest.json} ({@code {"documents": [{"file", "source", "url", "language"}]}})
 * names each file's publisher. A file is read again only when its content changed.
 */
@Component
class FolderCrawl {

    private static final int MAX_FILES = 10_000;
    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final CrawledPages crawled;
    private final CrawlSettings settings;
    private final PageCleaner cleaner = new PageCleaner();
    private final ArticleExtractor extractor = new ArticleExtractor();

    FolderCrawl(CrawledPages crawled, CrawlSettings settings) {
        this.crawled = crawled;
        this.settings = settings;
    }

    record FileInfo(
            @Nullable String source,
            @Nullable String url,
            @Nullable String language) {}

    void crawl(RunContext run, IngestBatch batch) throws DiscoveryException {
        Path folder = Path.of(run.source.url());
        if (!settings.folderAllowed(folder)) {
            throw new DiscoveryException(
                    "FOLDER",
                    folder + " is outside the folders sources may read (" + settings.folderRoots()
                            + "); an admin can add it to outpost.crawler.folder-roots");
        }
        if (!Files.isDirectory(folder)) {
            throw new DiscoveryException("FOLDER", folder + " is not a readable folder");
        }
        // every file is read at its real path, which must lie inside the folder's real path
        Path realFolder = CrawlSettings.realPath(folder);
        Map<String, FileInfo> manifest = manifest(run, folder, realFolder);
        List<Path> files;
        // listed from its real path: a folder that is itself a link (inside a root) is still read
        try (Stream<Path> listing = Files.walk(realFolder, 3)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(FolderCrawl::isDocument)
                    .sorted()
                    .limit(MAX_FILES)
                    .toList();
        } catch (IOException e) {
            throw new DiscoveryException("FOLDER", folder + " could not be listed: " + e.getMessage());
        }
        for (Path file : files) {
            if (run.shouldStop()) {
                return;
            }
            crawlFile(run, realFolder, file, manifest, batch);
        }
    }

    private void crawlFile(
            RunContext run, Path realFolder, Path file, Map<String, FileInfo> manifest, IngestBatch batch) {
        String key = realFolder.relativize(file).toString();
        byte[] bytes;
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realFolder)) {
                run.error(key, "OUTSIDE_FOLDER", "a symbolic link to " + real + ", outside the folder; skipped");
                return;
            }
            if (Files.size(real) > MAX_FILE_BYTES) {
                run.error(key, "TOO_LARGE", "larger than " + MAX_FILE_BYTES + " bytes; skipped");
                return;
            }
            // the real path, not following a link swapped in since it was resolved
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (IOException e) {
            run.error(key, "FILE", "could not be read: " + e.getMessage());
            return;
        }
        run.counters.fetched(bytes.length);
        String text = TextDecoder.decode(bytes, null);
        String fileHash = ArticleId.contentHash(key, text);
        var known = crawled.find(run.source.id(), key);
        if (known.isPresent() && fileHash.equals(known.get().contentHash())) {
            run.counters.unchanged();
            return;
        }
        FileInfo info = manifest.getOrDefault(file.getFileName().toString(), new FileInfo(null, null, null));
        List<Article> articles;
        try {
            articles = isHtml(file) ? List.of(fromHtml(run, file, text, info)) : fromText(run, text, info);
        } catch (ExtractionException e) {
            run.error(key, "EXTRACTION", e.getMessage());
            return;
        }
        if (articles.isEmpty()) {
            run.error(key, "EXTRACTION", "no article text found");
            return;
        }
        // the file counts as crawled once every story from it is indexed or queued
        AtomicInteger remaining = new AtomicInteger(articles.size());
        AtomicBoolean allSettled = new AtomicBoolean(true);
        for (Article article : articles) {
            batch.add(article, settled -> {
                RunOutcomes.count(run, settled.outcome());
                if (!settled.outcome().isSettled()) {
                    allSettled.set(false);
                    run.error(key, "INDEX", "the index refused a story: " + settled.reason());
                }
                if (remaining.decrementAndGet() == 0 && allSettled.get()) {
                    crawled.record(run.source.id(), key, null, fileHash, IngestOutcome.NEW, null);
                }
            });
        }
    }

    private List<Article> fromText(RunContext run, String text, FileInfo info) {
        List<CleanStory> stories = cleaner.clean(text);
        Instant now = Instant.now();
        return stories.stream()
                .map(story -> {
                    // a digest's stories name their own publisher; the page's address belongs to the digest
                    String source = story.attribution() != null
                            ? story.attribution()
                            : info.source() != null ? info.source() : run.source.name();
                    return Article.builder(source, story.title(), story.body())
                            .url(stories.size() == 1 ? info.url() : null)
                            .author(story.author())
                            .publishedAt(
                                    story.publishedOn() == null
                                            ? null
                                            : story.publishedOn().atStartOfDay().toInstant(ZoneOffset.UTC))
                            .datedFromText(story.publishedOn() != null && story.datedFromText())
                            .fetchedAt(now)
                            .language(info.language() != null ? info.language() : run.source.language())
                            .build();
                })
                .toList();
    }

    private Article fromHtml(RunContext run, Path file, String html, FileInfo info) throws ExtractionException {
        URI base = info.url() != null ? URI.create(info.url()) : file.toUri();
        ExtractedArticle extracted = extractor.extract(html, base);
        return Article.builder(
                        info.source() != null ? info.source() : run.source.name(), extracted.title(), extracted.text())
                // as for fetched pages, the address shown is the canonical one, not the one recorded
                .url(info.url() != null ? extracted.canonicalUrl().toString() : null)
                .canonicalUrl(info.url() != null ? extracted.canonicalUrl().toString() : null)
                .author(extracted.author())
                .publishedAt(extracted.publishedAt())
                .datedFromText(extracted.publishedAt() != null && extracted.datedFromText())
                .fetchedAt(Instant.now())
                .language(
                        info.language() != null
                                ? info.language()
                                : extracted.language() != null ? extracted.language() : run.source.language())
                .build();
    }

    private static Map<String, FileInfo> manifest(RunContext run, Path folder, Path realFolder) {
        Path manifest = folder.resolve("manifest.json");
        Map<String, FileInfo> files = new HashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return files;
        }
        if (!CrawlSettings.realPath(manifest).startsWith(realFolder)) {
            run.error("manifest.json", "OUTSIDE_FOLDER", "a symbolic link outside the folder; ignored");
            return files;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            for (JsonNode entry : root.path("documents")) {
                files.put(
                        entry.path("file").asText(),
                        new FileInfo(text(entry, "source"), text(entry, "url"), text(entry, "language")));
            }
        } catch (IOException e) {
            run.error(
                    "manifest.json",
                    "FILE",
                    "the manifest could not be read, files are crawled without it: " + e.getMessage());
        }
        return files;
    }

    private static @Nullable String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || isHtml(file);
    }

    private static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }
}
