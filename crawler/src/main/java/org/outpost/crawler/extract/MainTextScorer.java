package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the element holding the story, the Readability way: every paragraph gives points for
 * its length and commas to its parent, half to its grandparent and less further up; containers
 * start from their tag and class name and lose the share of their text that is links. The best
 * container is widened when the story is split across siblings or nested wrappers.
 */
final class MainTextScorer {

    private static final int MIN_PARAGRAPH = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int MIN_ALTERNATIVES = 3;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…»\"”]( |$)");

    private static final int PREAMBLE_SIBLINGS = 3;
    private static final int PREAMBLE_LEVELS = 3;

    private final boolean weighClasses;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private String preamble = "";

    MainTextScorer(boolean weighClasses) {
        this.weighClasses = weighClasses;
    }

    /** The story's container, with its qualifying siblings gathered into one new element; null when nothing scored. */
    @Nullable
    Element select(Element body) {
        scoreParagraphs(body);
        if (scores.isEmpty()) {
            return null;
        }
        scores.replaceAll((element, score) -> score * (1 - DomText.linkDensity(element)));
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed());
        Element top = ranked.getFirst();
        top = commonAncestorOfAlternatives(top, ranked, body);
        top = climb(top, body);
        while (top != body
                && top.parent() != null
                && top.parent() != body
                && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        scores.putIfAbsent(top, initialScore(top));
        top = trustedHint(top, body);
        preamble = preamble(top, body);
        return withSiblings(top, body);
    }

    /**
     * The text just before the story box: templates put the dateline ("Date: 2024-02-20",
     * "Posted: March 12, 2024") between the headline and the body, outside the box itself.
     */
    String preamble() {
        return preamble;
    }

    private static String preamble(Element top, Element body) {
        List<String> lines = new ArrayList<>();
        Element at = top;
        for (int level = 0; level < PREAMBLE_LEVELS && at != null && at != body && lines.isEmpty(); level++) {
            for (Element before = at.previousElementSibling();
                    before != null && lines.size() < PREAMBLE_SIBLINGS;
                    before = before.previousElementSibling()) {
                String text = DomText.collapse(before.text());
                if (!text.isEmpty() && text.length() < 300) {
                    // line by line: a header box holds the headline and, on a line of its own, the byline
                    List<String> blockLines = MainTextBlocks.of(before).stream()
                            .map(MainTextBlocks.Block::text)
                            .toList();
                    lines.addAll(0, blockLines.isEmpty() ? List.of(text) : blockLines);
                }
            }
            at = at.parent();
        }
        return String.join("\n", lines);
    }

    private void scoreParagraphs(Element body) {
        for (Element paragraph : body.select("p, pre")) {
            String text = DomText.collapse(paragraph.text());
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double points = 1 + DomText.commas(text) + Math.min(3, text.length() / 100);
            Element ancestor = paragraph.parent();
            for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor.parent() != null; level++) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(
                        ancestor, initialScore(ancestor) + points / divider, (old, init) -> old + points / divider);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
    }

    private double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return weighClasses ? score + ClassHints.weight(element) : score;
    }

    /** When several near-best candidates sit under one ancestor, the story is split and that ancestor holds all of it. */
    private Element commonAncestorOfAlternatives(Element top, List<Element> ranked, Element body) {
        double best = scores.get(top);
        List<Element> alternatives = ranked.subList(1, Math.min(5, ranked.size())).stream()
                .filter(e -> scores.get(e) >= 0.75 * best)
                .toList();
        if (alternatives.size() < MIN_ALTERNATIVES) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            Element candidate = ancestor;
            long inside =
                    alternatives.stream().filter(a -> isAncestor(candidate, a)).count();
            if (inside >= MIN_ALTERNATIVES) {
                scores.putIfAbsent(candidate, initialScore(candidate));
                return candidate;
            }
        }
        return top;
    }

    /** Walks up while the parents keep a fair share of the score, taking a parent that scores better outright. */
    private Element climb(Element top, Element body) {
        double last = scores.get(top);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > last) {
                return parent;
            }
            last = parentScore;
        }
        return top;
    }

    /**
     * An {@code itemprop=articleBody} (or lone {@code <article>}) around the winner that holds much
     * more prose than the winner means the story is split into sub-boxes the scores did not join.
     * The hint is only taken when that extra prose reads like article paragraphs, because some
     * sites wrap the whole page, comments and teasers included, in one {@code <article>}.
     */
    private Element trustedHint(Element top, Element body) {
        Element hint = hint(body);
        if (hint == null || hint == top || !isAncestor(hint, top)) {
            return top;
        }
        int inHint = proseLength(hint);
        int inTop = proseLength(top);
        if (inHint == 0 || inTop >= 0.7 * inHint || DomText.linkDensity(hint) > 0.3) {
            return top;
        }
        scores.putIfAbsent(hint, initialScore(hint));
        return hint;
    }

    private static @Nullable Element hint(Element body) {
        List<Element> bodies = body.select("[itemprop=articleBody]");
        if (bodies.size() == 1) {
            return bodies.getFirst();
        }
        List<Element> articles = body.select("article");
        return articles.size() == 1 ? articles.getFirst() : null;
    }

    private static int proseLength(Element element) {
        int length = 0;
        for (Element paragraph : element.select("p, pre")) {
            int text = DomText.length(paragraph);
            if (text >= 80 && DomText.linkDensity(paragraph) < 0.25) {
                length += text;
            }
        }
        return length;
    }

    private Element withSiblings(Element top, Element body) {
        Element parent = top.parent();
        if (top == body || parent == null) {
            return top;
        }
        double topScore = scores.get(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || belongs(sibling, top, topScore, threshold)) {
                kept.add(sibling);
            }
        }
        Element container = new Element("div");
        for (Element element : kept) {
            container.appendChild(element);
        }
        return container;
    }

    private boolean belongs(Element sibling, Element top, double topScore, double threshold) {
        double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
        Double score = scores.get(sibling);
        if (score != null && score + bonus >= threshold) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        String text = DomText.collapse(sibling.text());
        double linkDensity = DomText.linkDensity(sibling);
        return text.length() > 80 && linkDensity < 0.25
                || !text.isEmpty()
                        && text.length() <= 80
                        && linkDensity == 0
                        && SENTENCE_END.matcher(text).find();
    }

    private static boolean isAncestor(Element ancestor, Element element) {
        for (Element at = element.parent(); at != null; at = at.parent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
