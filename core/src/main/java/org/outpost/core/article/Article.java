package org.outpost.core.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outpost.core.net.WebLinks;

/**
 * One news article as Outpost stores it. Topic scores, topics and entities are filled by
 * the scoring stage; until then they are empty.
 *
 * @param id stable identifier, see {@link ArticleId}
 * @param entities typed values such as {@code country:Tajikistan} or {@code org:CSTO}
 * @param contentHash hash of the normalised title and body, to recognise unchanged re-imports
 * @param minhash {@link MinHash} signature of the body, null when too short to compare
 * @param duplicateOf the id of the first article with the same or nearly the same content; such
 *     an article is kept (its page lists the copies) but not listed or counted again
 * @param language the detected language's code ({@code ru}, {@code en}, … {@code other}, see
 *     {@code core.language.Language}); null until classified
 * @param datedFromText whether {@code publishedAt} is a date the text itself states, for a page that declares none
 */
public record Article(
        String id,
        String title,
        String body,
        @Nullable String url,
        @Nullable String canonicalUrl,
        String source,
        @Nullable String author,
        @Nullable Instant publishedAt,
        @Nullable Instant fetchedAt,
        @Nullable Instant indexedAt,
        @Nullable String language,
        Map<String, Double> topicScores,
        List<String> topics,
        List<String> entities,
        String contentHash,
        @Nullable String minhash,
        @Nullable String duplicateOf,
        boolean datedFromText) {

    /** An article whose date, if any, comes from its metadata. */
    public Article(
            String id,
            String title,
            String body,
            @Nullable String url,
            @Nullable String canonicalUrl,
            String source,
            @Nullable String author,
            @Nullable Instant publishedAt,
            @Nullable Instant fetchedAt,
            @Nullable Instant indexedAt,
            @Nullable String language,
            Map<String, Double> topicScores,
            List<String> topics,
            List<String> entities,
            String contentHash,
            @Nullable String minhash,
            @Nullable String duplicateOf) {
        this(
                id,
                title,
                body,
                url,
                canonicalUrl,
                source,
                author,
                publishedAt,
                fetchedAt,
                indexedAt,
                language,
                topicScores,
                topics,
                entities,
                contentHash,
                minhash,
                duplicateOf,
                false);
    }

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        topicScores = topicScores == null ? Map.of() : Map.copyOf(topicScores);
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
        contentHash = contentHash == null ? ArticleId.contentHash(title, body) : contentHash;
    }

    /** Starts an article whose id derives from its canonical URL, or from source and content without one. */
    public static Builder builder(String source, String title, String body) {
        return new Builder(source, title, body);
    }

    public Article withIndexedAt(Instant when) {
        return new Article(
                id,
                title,
                body,
                url,
                canonicalUrl,
                source,
                author,
                publishedAt,
                fetchedAt,
                when,
                language,
                topicScores,
                topics,
                entities,
                contentHash,
                minhash,
                duplicateOf,
                datedFromText);
    }

    public Article withDuplicateOf(@Nullable String original) {
        return new Article(
                id,
                title,
                body,
                url,
                canonicalUrl,
                source,
                author,
                publishedAt,
                fetchedAt,
                indexedAt,
                language,
                topicScores,
                topics,
                entities,
                contentHash,
                minhash,
                original,
                datedFromText);
    }

    /** The article as classified: these scores, labels and entities replace its own. */
    public Article withClassification(Map<String, Double> scores, List<String> labels, List<String> typedEntities) {
        return new Article(
                id,
                title,
                body,
                url,
                canonicalUrl,
                source,
                author,
                publishedAt,
                fetchedAt,
                indexedAt,
                language,
                scores,
                labels,
                typedEntities,
                contentHash,
                minhash,
                duplicateOf,
                datedFromText);
    }

    /** The article in the language it was recognised in. */
    public Article withLanguage(@Nullable String code) {
        return new Article(
                id,
                title,
                body,
                url,
                canonicalUrl,
                source,
                author,
                publishedAt,
                fetchedAt,
                indexedAt,
                code,
                topicScores,
                topics,
                entities,
                contentHash,
                minhash,
                duplicateOf,
                datedFromText);
    }

    /**
     * Index-only field: when the article was reported, for trends and time filters. The stated
     * publication time, else when Outpost first fetched it (many pages state no date).
     */
    @com.fasterxml.jackson.annotation.JsonProperty(
            value = "dated_at",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public @Nullable Instant datedAt() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    /** Index-only field: the MinHash bands a near-duplicate lookup matches on. */
    @com.fasterxml.jackson.annotation.JsonProperty(
            value = "minhash_bands",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public List<String> minhashBands() {
        return MinHash.bands(minhash);
    }

    /** Collects the optional fields; {@link #build()} derives the id and content hash. */
    public static final class Builder {
        private final String source;
        private final String title;
        private final String body;
        private @Nullable String url;
        private @Nullable String canonicalUrl;
        private @Nullable String author;
        private @Nullable Instant publishedAt;
        private @Nullable Instant fetchedAt;
        private @Nullable String language;
        private boolean datedFromText;

        private Builder(String source, String title, String body) {
            this.source = source;
            this.title = title;
            this.body = body;
        }

        public Builder url(@Nullable String value) {
            this.url = WebLinks.webOrNull(value); // only http(s) becomes a link anywhere
            return this;
        }

        public Builder canonicalUrl(@Nullable String value) {
            this.canonicalUrl = WebLinks.webOrNull(value);
            return this;
        }

        public Builder author(@Nullable String value) {
            this.author = value;
            return this;
        }

        public Builder publishedAt(@Nullable Instant value) {
            this.publishedAt = value;
            return this;
        }

        public Builder fetchedAt(@Nullable Instant value) {
            this.fetchedAt = value;
            return this;
        }

        public Builder language(@Nullable String value) {
            this.language = value;
            return this;
        }

        /** Marks {@code publishedAt} as a date the text states, not one the page declares. */
        public Builder datedFromText(boolean value) {
            this.datedFromText = value;
            return this;
        }

        public Article build() {
            String canonical = canonicalUrl != null ? canonicalUrl : url;
            String id = canonical != null ? ArticleId.fromUrl(canonical) : ArticleId.fromContent(source, title, body);
            return new Article(
                    id,
                    title,
                    body,
                    url,
                    canonical,
                    source,
                    author,
                    publishedAt,
                    fetchedAt,
                    null,
                    language,
                    Map.of(),
                    List.of(),
                    List.of(),
                    ArticleId.contentHash(title, body),
                    MinHash.of(body),
                    null,
                    datedFromText);
        }
    }
}
