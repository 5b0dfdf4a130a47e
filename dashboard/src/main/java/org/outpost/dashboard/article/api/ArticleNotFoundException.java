package org.outpost.dashboard.article.api;

import java.util.NoSuchElementException;

/** Answered with 404 by the API's error handling. */
class ArticleNotFoundException extends NoSuchElementException {

    ArticleNotFoundException(String id) {
        super("No article with id '" + id + "'");
    }
}
