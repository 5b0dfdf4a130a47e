/**
 * The sample corpus and its manifest: the five pages Outpost was first shown with, scraped in English with their page
 * noise, and eight short regional briefs in English and Russian, written for the corpus from public reports that
 * each brief's manifest entry lists ({@link org.outpost.seeds.SampleDocument#basedOn()}).
 */
@NullMarked
package org.outpost.seeds;

import org.jspecify.annotations.NullMarked;
