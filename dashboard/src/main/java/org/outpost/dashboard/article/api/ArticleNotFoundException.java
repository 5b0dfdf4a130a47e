package org.outpost.dashboard.article.api;

class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(String id) {
        super("No article with id '" + id + "'");
    }
}
