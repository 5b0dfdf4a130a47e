/** Turns scraped page text into clean articles: page chrome removed, digests split into stories, datelines read. */
@NamedInterface("text")
@NullMarked
package org.outpost.core.text;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
