package org.outpost.alerts.match;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.core.article.Article;

/** An article as the monitor reads it: the fields subscription queries name, analysed as the index does. */
final class ArticleDocument {

    private ArticleDocument() {}

    static Document of(Article article) {
        Document doc = new Document();
        doc.add(new TextField(SubscriptionQuery.TITLE, article.title(), Field.Store.NO));
        doc.add(new TextField(SubscriptionQuery.BODY, article.body(), Field.Store.NO));
        doc.add(new TextField(SubscriptionQuery.SOURCE_TEXT, article.source(), Field.Store.NO));
        doc.add(new TextField("source", article.source(), Field.Store.NO));
        if (article.language() != null) {
            doc.add(new TextField("language", article.language(), Field.Store.NO));
        }
        if (article.author() != null) {
            doc.add(new TextField("author", article.author(), Field.Store.NO));
        }
        article.topics().forEach(t -> doc.add(new TextField("topics", t, Field.Store.NO)));
        article.entities().forEach(e -> doc.add(new TextField("entities", e, Field.Store.NO)));
        return doc;
    }
}
