package org.outpost.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdTest {

    @Test
    void sameUrlGivesSameIdWhateverTheSchemeHostCaseOrTrailingSlash() {
        assertThat(ArticleId.fromUrl("https://Example.org/news/1/"))
                .isEqualTo(ArticleId.fromUrl("http://example.org/news/1"))
                .isEqualTo(ArticleId.fromUrl("  https://example.org:443/news/1 "));
    }

    @Test
    void differentPathsOrQueriesGiveDifferentIds() {
        assertThat(ArticleId.fromUrl("https://example.org/news/1"))
                .isNotEqualTo(ArticleId.fromUrl("https://example.org/news/2"))
                .isNotEqualTo(ArticleId.fromUrl("https://example.org/news/1?page=2"));
    }

    @Test
    void contentIdIgnoresWhitespaceAndCaseButNotSourceOrWords() {
        String a = ArticleId.fromContent("Agency", "Title", "Body  text\n here");
        assertThat(ArticleId.fromContent("agency ", "title", "body text here")).isEqualTo(a);
        assertThat(ArticleId.fromContent("Other", "Title", "Body text here")).isNotEqualTo(a);
        assertThat(ArticleId.fromContent("Agency", "Title", "Body text there")).isNotEqualTo(a);
    }

    @Test
    void builderPrefersCanonicalUrlThenUrlThenContent() {
        Article byCanonical = Article.builder("S", "T", "B")
                .url("https://x.org/a?utm=1")
                .canonicalUrl("https://x.org/a")
                .build();
        Article byUrl = Article.builder("S", "T", "B").url("https://x.org/a").build();
        Article byContent = Article.builder("S", "T", "B").build();
        assertThat(byCanonical.id()).isEqualTo(byUrl.id()).startsWith("u").hasSize(32);
        assertThat(byContent.id()).startsWith("c").isNotEqualTo(byUrl.id());
        assertThat(byContent.contentHash()).isEqualTo(ArticleId.contentHash("t", " b "));
    }
}
