package org.outpost.core.index;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.jspecify.annotations.Nullable;

/**
 * A reader's query text (Explore, an alert, a report) parsed once in the JVM with {@link SearchAnalyzer}: the same
 * {@link Query} then runs in the alert monitor and, translated, in Elasticsearch, so the two cannot disagree, in any
 * language. Syntax: Lucene's classic query syntax, as Elasticsearch's {@code query_string} reads it: words (all must
 * occur), "phrases", OR, NOT / -, (groups), field:value, wild* and fuzzy~ terms. Default fields: title (boosted 2×),
 * body and the source's name.
 */
public final class QueryText {

    public static final SearchAnalyzer ANALYZER = new SearchAnalyzer();
    private static final String[] DEFAULT_FIELDS = {
        SearchAnalyzer.TITLE, SearchAnalyzer.BODY, SearchAnalyzer.SOURCE_TEXT
    };
    private static final Map<String, Float> BOOSTS = Map.of(SearchAnalyzer.TITLE, 2f);
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered:? (.*?)(?: at line|$)");

    private QueryText() {}

    /** Blank or {@code *} means every article (useful with filters alone). */
    public static boolean matchesAll(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("*") || t.equals("*:*");
    }

    /** @throws InvalidQueryException with the column where parsing failed and a reason a reader can act on */
    public static Query parse(String text) {
        if (matchesAll(text)) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(DEFAULT_FIELDS, ANALYZER, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        try {
            return withPositiveClauses(parser.parse(text));
        } catch (ParseException | RuntimeException e) {
            throw invalid(text, e);
        }
    }

    /**
     * Parses the text and checks it against the caller's limits, before anything runs.
     *
     * @throws InvalidQueryException {@link InvalidQueryException.Reason#TOO_LONG} or
     *     {@link InvalidQueryException.Reason#EXPENSIVE} (with the column of the offending term when known), or a
     *     syntax error as {@link #parse(String)}
     */
    public static Query check(String text, QueryLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new InvalidQueryException(
                    "The query is " + text.length() + " characters long; at most " + limits.maxLength()
                            + " are allowed",
                    null,
                    InvalidQueryException.Reason.TOO_LONG,
                    null);
        }
        Query query = parse(text);
        if (!limits.allowExpensive()) {
            String term = expensiveTerm(query);
            if (term != null) {
                int at = text.indexOf(term);
                throw new InvalidQueryException(
                        "Leading wildcards and regular expressions (" + term + ") search every word of the index "
                                + "and are not allowed for your role; start the word with letters (stan*)",
                        at < 0 ? null : at + 1,
                        InvalidQueryException.Reason.EXPENSIVE,
                        null);
            }
        }
        return query;
    }

    /** The first term whose cost grows with the vocabulary: a leading wildcard or a regular expression. */
    private static @Nullable String expensiveTerm(Query query) {
        return switch (query) {
            case BooleanQuery bool ->
                bool.clauses().stream()
                        .map(c -> expensiveTerm(c.query()))
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
            case BoostQuery boost -> expensiveTerm(boost.getQuery());
            case DisjunctionMaxQuery max ->
                max.getDisjuncts().stream()
                        .map(QueryText::expensiveTerm)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
            case RegexpQuery regexp -> "/" + regexp.getRegexp().text() + "/";
            case WildcardQuery wildcard -> {
                String t = wildcard.getTerm().text();
                yield t.startsWith("*") || t.startsWith("?") ? t : null;
            }
            default -> null;
        };
    }

    /**
     * "-heroin" alone means every article without heroin, as in Elasticsearch; Lucene would match nothing, so a
     * group of exclusions only gets an explicit "everything" to exclude from.
     */
    private static Query withPositiveClauses(Query query) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(withPositiveClauses(boost.getQuery()), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        BooleanQuery.Builder builder =
                new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        boolean positive = false;
        for (BooleanClause clause : bool.clauses()) {
            builder.add(withPositiveClauses(clause.query()), clause.occur());
            positive |= clause.occur() != BooleanClause.Occur.MUST_NOT;
        }
        if (!positive && !bool.clauses().isEmpty()) {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return builder.build();
    }

    private static InvalidQueryException invalid(String text, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Integer column = null;
        if (e instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
            column = p.currentToken.next.beginColumn + 1; // the parser counts from 0
        }
        Matcher at = COLUMN.matcher(message);
        if (column == null && at.find()) {
            column = Integer.parseInt(at.group(1)) + 1;
        }
        String reason;
        Matcher encountered = ENCOUNTERED.matcher(message.replace('\n', ' '));
        if (message.contains("<EOF>")) {
            reason = "the query ends too early (an operator, quote or bracket is not finished)";
        } else if (encountered.find()) {
            reason = "unexpected " + encountered.group(1).strip();
        } else if (message.contains("too many boolean clauses")) {
            reason = "too many terms (a wildcard expands to too many words?)";
        } else {
            reason = message.lines().findFirst().orElse("not valid Lucene syntax");
        }
        String where = column == null ? "" : " at column " + column;
        return new InvalidQueryException(
                "Invalid query" + where + ": " + reason
                        + ". Lucene syntax: words (all must occur), \"exact phrase\", OR, NOT, (groups), field:value, wild*",
                column,
                e);
    }
}
