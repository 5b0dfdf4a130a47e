package org.outpost.alerts.subscription;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A subscription's query text as Lucene sees it in the JVM, mirroring how the article index's
 * {@code query_string} reads the same text: fields {@code title^2}, {@code body} and
 * {@code source.text}, AND between terms, the standard analyzer without stop words, keyword
 * fields ({@code source}, {@code topics}, {@code entities}, {@code language}, {@code author})
 * matched whole. So a subscription back-tested against the index matches what it will match live.
 */
public final class SubscriptionQuery {

    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String SOURCE_TEXT = "source.text";
    private static final String[] DEFAULT_FIELDS = {TITLE, BODY, SOURCE_TEXT};
    private static final Map<String, Float> BOOSTS = Map.of(TITLE, 2f);
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered:? (.*?)(?: at line|$)");

    /** Analyses article fields the way the monitor and the parser must agree on. */
    public static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new StandardAnalyzer(CharArraySet.EMPTY_SET),
            Map.of("source", new KeywordAnalyzer(), "topics", new KeywordAnalyzer(), "entities", new KeywordAnalyzer(),
                    "language", new KeywordAnalyzer(), "author", new KeywordAnalyzer()));

    private SubscriptionQuery() {
    }

    /** Blank or {@code *} means every article (useful with filters or spike alerts alone). */
    public static boolean matchesAll(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("*") || t.equals("*:*");
    }

    /** @throws InvalidSubscriptionException field {@code query}, with the column where parsing failed */
    public static Query parse(String text) {
        if (matchesAll(text)) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(DEFAULT_FIELDS, ANALYZER, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw invalid(text, e);
        }
    }

    private static InvalidSubscriptionException invalid(String text, Exception e) {
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
        return new InvalidSubscriptionException("query", "Invalid query" + where + ": " + reason
                + ". Lucene syntax: words (all must occur), \"exact phrase\", OR, NOT, (groups), field:value, wild*",
                column);
    }
}
