package org.outpost.benchmarks.macro;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.core.article.Article;
import org.outpost.core.article.MinHash;

/**
 * How many of the copies the generator wrote the pipeline recognised, checked against what the
 * generator knows: a copy counts when the index puts it in the same story as its original (both
 * point at one root, whichever of the two was crawled first). Near copies whose MinHash is not
 * near their original's are counted apart: no band lookup can find them, however it is timed.
 * Articles put into another story than the one they were written for are counted as wrong.
 */
record CopyCount(
        int generated,
        int recognised,
        int exact,
        int exactRecognised,
        int near,
        int nearRecognised,
        int nearNotNearByMinHash,
        int wronglyJoined,
        int missingFromIndex) {

    private static final Pattern INDEX = Pattern.compile("/(\\d+)\\.html$");

    static CopyCount of(CorpusGenerator corpus, List<Article> stored) {
        Map<Integer, Article> byIndex = new HashMap<>();
        Map<String, Integer> indexOfId = new HashMap<>();
        for (Article a : stored) {
            if (a.url() != null) {
                Matcher m = INDEX.matcher(a.url());
                if (m.find()) {
                    int i = Integer.parseInt(m.group(1));
                    byIndex.put(i, a);
                    indexOfId.put(a.id(), i);
                }
            }
        }
        int generated = 0,
                recognised = 0,
                exact = 0,
                exactRecognised = 0,
                near = 0,
                nearRecognised = 0,
                notNear = 0,
                wrong = 0,
                missing = 0;
        for (int i = 0; i < corpus.size(); i++) {
            GeneratedArticle g = corpus.article(i);
            Article a = byIndex.get(i);
            if (a == null) {
                missing++;
                continue;
            }
            Integer rootIndex = indexOfId.get(root(a));
            int story = g.copyOf() >= 0 ? g.copyOf() : i;
            if (rootIndex == null || story(corpus, rootIndex) != story) {
                wrong++;
            }
            if (g.copyOf() < 0) {
                continue;
            }
            Article original = byIndex.get(g.copyOf());
            boolean same = original != null && root(original).equals(root(a));
            generated++;
            recognised += same ? 1 : 0;
            if (g.nearCopy()) {
                near++;
                nearRecognised += same ? 1 : 0;
                if (original != null
                        && !MinHash.near(original.minhash(), a.minhash())
                        && !a.contentHash().equals(original.contentHash())) {
                    notNear++;
                }
            } else {
                exact++;
                exactRecognised += same ? 1 : 0;
            }
        }
        return new CopyCount(
                generated, recognised, exact, exactRecognised, near, nearRecognised, notNear, wrong, missing);
    }

    private static String root(Article a) {
        return a.duplicateOf() != null ? a.duplicateOf() : a.id();
    }

    private static int story(CorpusGenerator corpus, int index) {
        int copyOf = corpus.article(index).copyOf();
        return copyOf >= 0 ? copyOf : index;
    }

    double share() {
        return generated == 0 ? 1 : (double) recognised / generated;
    }

    String describe() {
        return String.format(
                "copies recognised: **%,d of %,d generated (%.2f %%)**; exact %,d of %,d, near %,d of %,d "
                        + "(%,d near copies are not near their original by MinHash); articles put into another story: %,d; "
                        + "generated articles missing from the index: %,d",
                recognised,
                generated,
                100 * share(),
                exactRecognised,
                exact,
                nearRecognised,
                near,
                nearNotNearByMinHash,
                wronglyJoined,
                missingFromIndex);
    }
}
