package org.outpost.core.topic;

import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs a chain of filters over the tokens written in one script and passes the others through. */
final class ScriptFilter extends ConditionalTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Script script;

    ScriptFilter(TokenStream input, Script script, Function<TokenStream, TokenStream> chain) {
        super(input, chain);
        this.script = script;
    }

    @Override
    protected boolean shouldFilter() {
        return Script.of(term.buffer(), term.length()) == script;
    }
}
