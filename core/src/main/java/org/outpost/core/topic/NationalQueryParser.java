package org.outpost.core.topic;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/** Parses national-language clauses: as the classic parser, with prefixes cut like the words they must match. */
final class NationalQueryParser extends QueryParser {

    NationalQueryParser(String field) {
        super(field, new NationalTextAnalyzer());
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        String normalized = getAnalyzer().normalize(field, termStr).utf8ToString();
        return super.getPrefixQuery(field, NationalTextAnalyzer.cut(normalized));
    }
}
