package org.outpost.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The sample corpus on the classpath, read through its manifest. */
public final class SampleCorpus {

    private static final String ROOT = "/org/outpost/seeds/";

    private final List<SampleDocument> documents;
    private final String version;
    private final String manifestJson;

    private SampleCorpus(List<SampleDocument> documents, String version, String manifestJson) {
        this.documents = List.copyOf(documents);
        this.version = version;
        this.manifestJson = manifestJson;
    }

    public static SampleCorpus load() {
        try (InputStream manifest = resource("manifest.json")) {
            String manifestJson = new String(manifest.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode root = new ObjectMapper().readTree(manifestJson);
            List<SampleDocument> documents = new ArrayList<>();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (JsonNode entry : root.path("documents")) {
                String file = entry.path("file").asText();
                String text;
                try (InputStream in = resource("corpus/" + file)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
                JsonNode url = entry.path("url");
                List<String> basedOn = new ArrayList<>();
                entry.path("basedOn").forEach(report -> basedOn.add(report.asText()));
                documents.add(new SampleDocument(
                        file,
                        entry.path("source").asText(),
                        url.isNull() || url.isMissingNode() ? null : url.asText(),
                        entry.path("language").asText("en"),
                        basedOn,
                        text));
            }
            return new SampleCorpus(
                    documents, HexFormat.of().formatHex(digest.digest()).substring(0, 16), manifestJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the sample corpus", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<SampleDocument> documents() {
        return documents;
    }

    /** The manifest as shipped: file names with their source, address, language and, for briefs, their reports. */
    public String manifestJson() {
        return manifestJson;
    }

    /** Changes whenever a document or its manifest entry changes, so an updated corpus is imported again. */
    public String version() {
        return version;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SampleCorpus.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("Missing sample corpus resource " + ROOT + name);
        }
        return in;
    }
}
