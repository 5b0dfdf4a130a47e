package org.outpost.crawler.opml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.source.SourceDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the sources an OPML file lists. Feed readers write one {@code outline} per feed with its
 * address in {@code xmlUrl} (Feedly and Inoreader put them under one outline per category, and
 * call Atom feeds {@code rss} too); Outpost's own export adds {@code type} sitemap, html or folder
 * with the address in {@code xmlUrl} or {@code url}, so an export reads back as it was.
 */
public final class OpmlReader {

    /** Bounds what one upload may make the parser and the preview do. */
    public static final int MAX_CHARS = 2_000_000;

    public static final int MAX_OUTLINES = 5_000;

    private OpmlReader() {}

    /** @throws InvalidOpmlException when the text is not OPML, or too large */
    public static List<SourceDefinition> read(String xml) {
        if (xml.length() > MAX_CHARS) {
            throw new InvalidOpmlException("the file is larger than " + MAX_CHARS + " characters");
        }
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!"opml".equalsIgnoreCase(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
            throw new InvalidOpmlException("not OPML: the document's root is <" + root.getNodeName() + ">");
        }
        List<SourceDefinition> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<SourceDefinition> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getNodeName().equalsIgnoreCase("outline")) {
                if (found.size() >= MAX_OUTLINES) {
                    throw new InvalidOpmlException("the file lists more than " + MAX_OUTLINES + " outlines");
                }
                definition(e).ifPresent(found::add);
            }
            if (child instanceof Element) {
                collect(child, found); // categories nest their feeds
            }
        }
    }

    /** A source for an outline with an address or a type; empty for a category. */
    private static java.util.Optional<SourceDefinition> definition(Element outline) {
        String xmlUrl = attribute(outline, "xmlUrl");
        String url = attribute(outline, "url");
        String declared = attribute(outline, "type");
        if (xmlUrl == null && url == null) {
            return declared == null || declared.isBlank()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(new SourceDefinition(
                            name(outline, null), declared, null, null, null, null, null, null, null, null));
        }
        String address = xmlUrl != null ? xmlUrl : url;
        return java.util.Optional.of(new SourceDefinition(
                name(outline, address),
                type(declared, xmlUrl != null),
                address,
                null,
                null,
                null,
                attribute(outline, "language"),
                null,
                null,
                null));
    }

    private static String type(@Nullable String declared, boolean feed) {
        String t = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "atom", "sitemap", "html", "folder", "rss" -> t;
            case "link" -> "html";
            default -> feed ? "rss" : t.isEmpty() ? "html" : t;
        };
    }

    private static @Nullable String name(Element outline, @Nullable String address) {
        String title = attribute(outline, "title");
        String text = attribute(outline, "text");
        String name = title != null && !title.isBlank() ? title : text;
        if ((name == null || name.isBlank()) && address != null) {
            try {
                return java.net.URI.create(address).getHost();
            } catch (IllegalArgumentException e) {
                return address;
            }
        }
        return name == null ? null : name.strip();
    }

    private static @Nullable String attribute(Element e, String name) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? null : value;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // an uploaded file: no DTDs, no external entities, no entity expansion bombs
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXException e) {
            throw new InvalidOpmlException("not readable as XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new InvalidOpmlException("could not be read: " + e.getMessage());
        }
    }
}
