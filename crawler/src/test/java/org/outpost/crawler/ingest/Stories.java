package org.outpost.crawler.ingest;

import java.util.SplittableRandom;
import org.outpost.core.article.Article;

/** Wire stories for copy tests: one text per story number, printed by any site, as it is or with a word changed. */
public final class Stories {

    private static final String[] WORDS = ("border guards seized heroin near the river crossing while officials in "
                    + "the capital said the smugglers carried weapons and cash across mountain passes that villagers use "
                    + "every spring to reach markets on the other side of the frontier")
            .split(" ");

    private Stories() {}

    /** Story {@code number} as {@code site} prints it, word for word. */
    public static Article article(String site, int number) {
        return article(site, number, false);
    }

    /** Story {@code number} as {@code site} prints it with one word changed: a near copy. */
    public static Article reworded(String site, int number) {
        return article(site, number, true);
    }

    private static Article article(String site, int number, boolean reworded) {
        SplittableRandom random = new SplittableRandom(number);
        StringBuilder body = new StringBuilder("Story " + number + ".");
        for (int w = 0; w < 80; w++) {
            body.append(' ').append(reworded && w == 40 ? "reportedly" : WORDS[random.nextInt(WORDS.length)]);
        }
        return Article.builder(site, "Wire story " + number, body.toString())
                .url("https://" + site + ".example/news/" + number)
                .language("en")
                .build();
    }
}
