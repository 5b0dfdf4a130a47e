/** Reading XML and text sitemaps, sitemap indexes and news sitemaps, gzipped or not. */
@NullMarked
package org.outpost.crawler.sitemap;

import org.jspecify.annotations.NullMarked;
