package org.outpost.dashboard.article.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/** Writes articles as CSV (RFC 4180, spreadsheet-safe) or as a JSON array, one batch at a time. */
abstract class ArticleExport implements java.io.Closeable {

    static ArticleExport of(String format, OutputStream out) throws IOException {
        return switch (format) {
            case "csv" -> new Csv(out);
            case "json" -> new Json(out);
            default -> throw new IllegalArgumentException("format must be csv or json, was '" + format + "'");
        };
    }

    abstract void write(List<Article> batch);

    static final class Csv extends ArticleExport {

        private static final String HEADER =
                "id,title,source,url,published_at,reported_at,language,topics,entities,duplicate_of\r\n";
        private final Writer out;

        Csv(OutputStream stream) throws IOException {
            out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write('\uFEFF'); // so spreadsheet programs read the file as UTF-8
            out.write(HEADER);
        }

        @Override
        void write(List<Article> batch) {
            try {
                for (Article a : batch) {
                    out.write(String.join(
                            ",",
                            cell(a.id()),
                            cell(a.title()),
                            cell(a.source()),
                            cell(a.url()),
                            cell(time(a.publishedAt())),
                            cell(time(a.datedAt())),
                            cell(a.language()),
                            cell(String.join("; ", a.topics())),
                            cell(String.join("; ", a.entities())),
                            cell(a.duplicateOf())));
                    out.write("\r\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs crawled text as a formula. */
        static String cell(@Nullable String value) {
            if (value == null) {
                return "";
            }
            String v = value;
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
                return "\"" + v.replace("\"", "\"\"") + "\"";
            }
            return v;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    static final class Json extends ArticleExport {

        private final JsonGenerator json;

        Json(OutputStream stream) throws IOException {
            json = new ObjectMapper().getFactory().createGenerator(stream);
            json.writeStartArray();
        }

        @Override
        void write(List<Article> batch) {
            try {
                for (Article a : batch) {
                    json.writeStartObject();
                    json.writeStringField("id", a.id());
                    json.writeStringField("title", a.title());
                    json.writeStringField("source", a.source());
                    json.writeStringField("url", a.url());
                    json.writeStringField("publishedAt", time(a.publishedAt()));
                    json.writeStringField("reportedAt", time(a.datedAt()));
                    json.writeStringField("language", a.language());
                    json.writeStringField("author", a.author());
                    json.writeObjectFieldStart("topicScores");
                    for (var score : a.topicScores().entrySet()) {
                        json.writeNumberField(score.getKey(), score.getValue());
                    }
                    json.writeEndObject();
                    writeArray("topics", a.topics());
                    writeArray("entities", a.entities());
                    json.writeStringField("duplicateOf", a.duplicateOf());
                    json.writeStringField("body", a.body());
                    json.writeEndObject();
                }
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeArray(String name, List<String> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.close();
        }
    }

    private static @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
