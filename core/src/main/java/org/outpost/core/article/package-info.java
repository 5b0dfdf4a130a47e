/** The article: Outpost's unit of news, as stored in the index. */
@NullMarked
package org.outpost.core.article;

import org.jspecify.annotations.NullMarked;
