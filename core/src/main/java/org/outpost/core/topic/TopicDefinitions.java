package org.outpost.core.topic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The topics in use: the bundled file, or a deployment's own. */
public record TopicDefinitions(List<TopicDefinition> topics) {

    private static final String BUNDLED = "topics.yml";

    public TopicDefinitions {
        topics = List.copyOf(topics);
        Set<String> ids = new HashSet<>();
        for (TopicDefinition topic : topics) {
            if (!ids.add(topic.id())) {
                throw new IllegalArgumentException("topic id '" + topic.id() + "' is defined twice");
            }
        }
    }

    /** The nine default topics that ship with Outpost. */
    public static TopicDefinitions defaults() {
        try (InputStream in = TopicDefinitions.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing");
            }
            return read(in, "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the bundled topics", e);
        }
    }

    /**
     * A deployment's topic file, or the defaults when {@code file} is null or blank. The file
     * replaces the defaults, or adds to them (and overrides topics with the same id) when it
     * says {@code extend-defaults: true}.
     */
    public static TopicDefinitions load(@Nullable String file) {
        if (file == null || file.isBlank()) {
            return defaults();
        }
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read topic file " + path + ": " + e.getMessage(), e);
        }
    }

    /** These topics plus {@code more}; a topic in {@code more} with an id already here replaces it in place. */
    public TopicDefinitions extendedWith(TopicDefinitions more) {
        java.util.LinkedHashMap<String, TopicDefinition> merged = new java.util.LinkedHashMap<>();
        topics.forEach(t -> merged.put(t.id(), t));
        more.topics().forEach(t -> merged.put(t.id(), t));
        return new TopicDefinitions(List.copyOf(merged.values()));
    }

    public List<String> ids() {
        return topics.stream().map(TopicDefinition::id).toList();
    }

    private static TopicDefinitions read(InputStream in, String origin) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            File file = yaml.readValue(in, File.class);
            if (file.topics() == null || file.topics().isEmpty()) {
                throw new IllegalArgumentException("Topic file " + origin + " defines no topics");
            }
            if (Boolean.TRUE.equals(file.extendDefaults())) {
                return defaults().extendedWith(new TopicDefinitions(file.topics()));
            }
            return new TopicDefinitions(file.topics());
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(
                    "Topic file " + origin + " is not valid: " + e.getOriginalMessage() + " at " + e.getPathReference(),
                    e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("Topic file " + origin + " is not valid: " + cause.getMessage(), e);
        }
    }

    /** @param extendDefaults {@code extend-defaults: true} adds the file's topics to the bundled ones instead of replacing them */
    @JsonIgnoreProperties(ignoreUnknown = false)
    private record File(
            List<TopicDefinition> topics,

            @com.fasterxml.jackson.annotation.JsonProperty("extend-defaults") @Nullable
            Boolean extendDefaults) {}
}
