package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders a container as the blocks a reader sees: each paragraph, heading, list item, cell and
 * {@code <br>}-separated line one block, inline markup flattened, whitespace collapsed.
 */
final class MainTextBlocks {

    /** One block; {@code level} is 1–6 for a heading, 0 for anything else. */
    record Block(String text, int level) {
        boolean heading() {
            return level > 0;
        }
    }

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "figure",
            "figcaption",
            "address",
            "hr",
            "form",
            "fieldset",
            "center",
            "details",
            "summary",
            "body");

    private MainTextBlocks() {}

    static List<Block> of(Element root) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] headingLevel = {0};
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br") || BLOCKS.contains(tag)) {
                        flush();
                    }
                    if (DomText.isHeading(element)) {
                        headingLevel[0] = tag.charAt(1) - '0';
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush();
                    if (DomText.isHeading(element)) {
                        headingLevel[0] = 0;
                    }
                }
            }

            private void flush() {
                String text = DomText.collapse(current.toString());
                if (!text.isEmpty()) {
                    blocks.add(new Block(text, headingLevel[0]));
                }
                current.setLength(0);
            }
        });
        String rest = DomText.collapse(current.toString());
        if (!rest.isEmpty()) {
            blocks.add(new Block(rest, 0));
        }
        return blocks;
    }
}
