package org.outpost.core.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A query parsed by {@link QueryText} as the Elasticsearch query that matches the same articles: each Lucene node
 * becomes its Query DSL twin, and the title and body terms (already stemmed in the JVM) are looked up in the fields
 * that hold the stemmed text. Nothing is re-analysed on the server, so the index and the alert monitor agree by
 * construction, on the minimal distribution and on a full cluster alike.
 */
final class LuceneToElasticsearch {

    /** Where each analysed field's terms live in the index. */
    private static final Map<String, String> INDEX_FIELDS = Map.of(
            SearchAnalyzer.TITLE, SearchAnalyzer.SEARCH_TITLE,
            SearchAnalyzer.BODY, SearchAnalyzer.SEARCH_BODY);

    private LuceneToElasticsearch() {}

    static Query translate(org.apache.lucene.search.Query query) {
        return switch (query) {
            case TermQuery term -> term(term.getTerm());
            case BooleanQuery bool -> bool(bool);
            case BoostQuery boost ->
                Query.of(q -> q.bool(b -> b.must(translate(boost.getQuery())).boost(boost.getBoost())));
            case PhraseQuery phrase -> phrase(phrase);
            case PrefixQuery prefix ->
                Query.of(q -> q.prefix(p -> p.field(field(prefix.getField()))
                        .value(prefix.getPrefix().text())));
            case WildcardQuery wildcard ->
                Query.of(q -> q.wildcard(w -> w.field(field(wildcard.getField()))
                        .value(wildcard.getTerm().text())));
            case FuzzyQuery fuzzy ->
                Query.of(q -> q.fuzzy(f -> f.field(field(fuzzy.getField()))
                        .value(fuzzy.getTerm().text())
                        .fuzziness(Integer.toString(fuzzy.getMaxEdits()))
                        .prefixLength(fuzzy.getPrefixLength())
                        .transpositions(fuzzy.getTranspositions())));
            case RegexpQuery regexp ->
                Query.of(q -> q.regexp(r -> r.field(field(regexp.getField()))
                        .value(regexp.getRegexp().text())));
            case TermRangeQuery range -> range(range);
            case SynonymQuery synonyms ->
                Query.of(q -> q.bool(b -> {
                    synonyms.getTerms().forEach(t -> b.should(term(t)));
                    return b.minimumShouldMatch("1");
                }));
            case MatchAllDocsQuery all -> Query.of(q -> q.matchAll(m -> m));
            case MatchNoDocsQuery none -> Query.of(q -> q.matchNone(m -> m));
            default -> throw new InvalidQueryException("This form of query is not supported: " + query, null);
        };
    }

    private static String field(String luceneField) {
        return INDEX_FIELDS.getOrDefault(luceneField, luceneField);
    }

    private static Query term(Term term) {
        return Query.of(q -> q.term(t -> t.field(field(term.field())).value(term.text())));
    }

    private static Query bool(BooleanQuery bool) {
        BoolQuery.Builder builder = new BoolQuery.Builder();
        int should = 0;
        for (BooleanClause clause : bool.clauses()) {
            Query translated = translate(clause.query());
            switch (clause.occur()) {
                case MUST -> builder.must(translated);
                case FILTER -> builder.filter(translated);
                case MUST_NOT -> builder.mustNot(translated);
                case SHOULD -> {
                    builder.should(translated);
                    should++;
                }
            }
        }
        int minimum = bool.getMinimumNumberShouldMatch();
        if (minimum > 0) {
            builder.minimumShouldMatch(Integer.toString(minimum));
        } else if (should > 0 && should == bool.clauses().size()) {
            builder.minimumShouldMatch("1");
        } else if (should > 0) {
            // Lucene: optional clauses beside required ones only score; Elasticsearch agrees with "0"
            builder.minimumShouldMatch("0");
        }
        return builder.build()._toQuery();
    }

    /** Terms at consecutive positions, as the analyzer left them; the stored stems re-tokenise to the same terms. */
    private static Query phrase(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        if (terms.length == 0) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<String> words = new ArrayList<>(terms.length);
        for (Term term : terms) {
            words.add(term.text());
        }
        String field = field(terms[0].field());
        return Query.of(q ->
                q.matchPhrase(m -> m.field(field).query(String.join(" ", words)).slop(phrase.getSlop())));
    }

    private static Query range(TermRangeQuery range) {
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field(range.getField()));
            BytesRef lower = range.getLowerTerm();
            BytesRef upper = range.getUpperTerm();
            if (lower != null) {
                JsonData value = JsonData.of(lower.utf8ToString());
                if (range.includesLower()) {
                    u.gte(value);
                } else {
                    u.gt(value);
                }
            }
            if (upper != null) {
                JsonData value = JsonData.of(upper.utf8ToString());
                if (range.includesUpper()) {
                    u.lte(value);
                } else {
                    u.lt(value);
                }
            }
            return u;
        })));
    }
}
