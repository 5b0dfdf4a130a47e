/** The article: Outpost's unit of news, as stored in the index. */
@NamedInterface("article")
@NullMarked
package org.outpost.core.article;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
