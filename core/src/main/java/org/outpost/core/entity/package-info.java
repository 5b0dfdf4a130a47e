/**
 * Named entities from a gazetteer: the {@link org.outpost.core.entity.Gazetteer} read from a YAML file (a bundled
 * default, a deployment's replacement or its additions) and the {@link org.outpost.core.entity.EntityTagger} that
 * finds its countries, regions, places, organisations, armed groups and people in a text by walking a token trie once
 * over the text, in English, Russian (in any grammatical case) and the national languages of Central Asia (with their
 * case suffixes), all folded to canonical English names.
 */
@NamedInterface("entity")
@NullMarked
package org.outpost.core.entity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
