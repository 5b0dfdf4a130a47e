package org.outpost.core.language;

import java.util.List;
import java.util.Set;

/**
 * The commonest short words of Russian and English. Any real sentence of some length contains a few; keyboard
 * mashing, transliteration and word lists do not, however Russian or English their letters look to an n-gram model.
 */
final class FunctionWords {

    static final Set<String> RUSSIAN = of("и в во не что он она они на с со как а то все его но к у же за бы по "
            + "только ее её было от из ему уже или был до для это этого также при после года который которые "
            + "которая чем так где может были будет более этом того этой сообщает заявил отметил");
    static final Set<String> ENGLISH = of("the of and to in a is that for on with as was by at it from be this are "
            + "were has have had which an not or said will its their his her but after been also would who they");

    private FunctionWords() {}

    static int count(TextSample sample, Set<String> words) {
        int count = 0;
        for (String word : sample.words()) {
            if (words.contains(word)) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> of(String list) {
        return Set.copyOf(List.of(list.split(" ")));
    }
}
