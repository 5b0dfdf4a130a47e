package org.outpost.core.index;

import org.jspecify.annotations.Nullable;

/**
 * What deduplication needs of a stored article, read without its text: a bulk of fingerprints
 * costs a fraction of a bulk of articles.
 */
public record ArticleFingerprint(String id, String contentHash, @Nullable String minhash, @Nullable String duplicateOf) {

    static final java.util.List<String> FIELDS = java.util.List.of("id", "content_hash", "minhash", "duplicate_of");
}
