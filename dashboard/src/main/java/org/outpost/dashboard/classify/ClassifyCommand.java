package org.outpost.dashboard.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.dashboard.model.ActiveModelReader;

/**
 * {@code java -jar outpost.jar classify}: reads JSON lines {@code {"id", "text", "title"?, "language"?}} on
 * standard input and writes one JSON line per input with the classify API's fields plus
 * {@code id}. Starts neither the web server nor Elasticsearch. A line that cannot be classified
 * gets {@code {"id", "error"}} and the rest go on; the exit status is 1 if any line failed.
 */
public final class ClassifyCommand {

    private final Classifier classifier;
    private final ObjectMapper json = new ObjectMapper();

    ClassifyCommand(Classifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Entry point from {@code main}; topic and gazetteer files come from the same variables as the app's. The model
     * blended in is the one switched on in the app's database when it can be read (see {@link ActiveModelReader}),
     * else the shipped one; a database that is configured but cannot be read is reported on standard error.
     */
    public static int run(InputStream in, PrintStream out, Function<String, @Nullable String> env) throws IOException {
        Classifier classifier =
                ClassifierService.build(env.apply("OUTPOST_TOPICS_FILE"), env.apply("OUTPOST_GAZETTEER_FILE"));
        ActiveModelReader.Lookup stored = ActiveModelReader.read(env);
        if (stored.model() != null) {
            classifier = classifier.withModel(stored.model());
        } else if (stored.reason() != null) {
            System.err.println("outpost classify: " + stored.reason() + "; using the shipped model");
        }
        return new ClassifyCommand(classifier).process(in, out);
    }

    int process(InputStream in, PrintStream out) throws IOException {
        int failures = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = classifyLine(line, lineNumber);
            if (result.has("error")) {
                failures++;
            }
            out.println(json.writeValueAsString(result));
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private ObjectNode classifyLine(String line, int lineNumber) {
        ObjectNode result = json.createObjectNode();
        JsonNode input;
        try {
            input = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            result.putNull("id");
            return result.put("error", "line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        }
        JsonNode id = input.path("id");
        result.set("id", id.isMissingNode() ? json.nullNode() : id);
        String text = input.path("text").isTextual() ? input.path("text").asText() : null;
        if (text == null || text.isBlank()) {
            return result.put("error", "line " + lineNumber + ": 'text' is required and must not be empty");
        }
        if (text.length() > ClassifyController.MAX_TEXT_CHARS) {
            return result.put(
                    "error",
                    "line " + lineNumber + ": 'text' has " + text.length() + " characters; the limit is "
                            + ClassifyController.MAX_TEXT_CHARS);
        }
        String title = input.path("title").isTextual() ? input.path("title").asText() : null;
        String language =
                input.path("language").isTextual() ? input.path("language").asText() : null;
        ObjectNode classified =
                json.valueToTree(ClassifyResponse.of(classifier.classify(language, title, text), classifier.model()));
        result.setAll(classified);
        return result;
    }
}
