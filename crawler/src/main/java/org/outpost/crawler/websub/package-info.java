/**
 * WebSub (W3C Recommendation): subscribing to the hubs feeds advertise, verifying the hubs'
 * calls to our callbacks, and taking signed content in through the normal ingest path.
 */
@NullMarked
package org.outpost.crawler.websub;

import org.jspecify.annotations.NullMarked;
