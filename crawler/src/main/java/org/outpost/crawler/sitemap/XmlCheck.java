package org.outpost.crawler.sitemap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Whether bytes that look like XML are well-formed, with a parser that resolves nothing. */
final class XmlCheck {

    private XmlCheck() {}

    /** Where and why the XML is broken; null when it is well-formed or is no XML at all (a text sitemap). */
    static @Nullable String problem(byte[] body) {
        if (!looksLikeXml(body)) {
            return null;
        }
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(body), new DefaultHandler());
            return null;
        } catch (SAXParseException e) {
            return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
        } catch (SAXException | IOException e) {
            return e.getMessage();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a standard feature", e);
        }
    }

    private static boolean looksLikeXml(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf
                ? 3
                : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '<';
    }
}
