package org.outpost.core.index;

import org.jspecify.annotations.Nullable;

/**
 * What deduplication needs of a stored article, read without its text: a bulk of fingerprints
 * costs a fraction of a bulk of articles.
 */
public record ArticleFingerprint(
        String id,
        String contentHash,
        @Nullable String minhash,
        @Nullable String duplicateOf) {

    static final java.util.List<String> FIELDS = java.util.List.of("id", "content_hash", "minhash", "duplicate_of");

    public static ArticleFingerprint of(org.outpost.core.article.Article a) {
        return new ArticleFingerprint(a.id(), a.contentHash(), a.minhash(), a.duplicateOf());
    }

    /** Whether that other article copies this one: the same content, or nearly (MinHash). */
    public boolean isCopiedBy(org.outpost.core.article.Article other) {
        return !id.equals(other.id())
                && (contentHash.equals(other.contentHash())
                        || org.outpost.core.article.MinHash.near(minhash, other.minhash()));
    }

    /** The original of this article's copy group: itself, or what it copies. */
    public String root() {
        return duplicateOf != null ? duplicateOf : id;
    }
}
