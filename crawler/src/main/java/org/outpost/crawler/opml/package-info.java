/** Sources in and out as OPML, the list format feed readers (Feedly, Inoreader) import and export. */
@NamedInterface("opml")
@NullMarked
package org.outpost.crawler.opml;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
