/** The article list and article page. */
@NullMarked
package org.outpost.dashboard.article.ui;

import org.jspecify.annotations.NullMarked;
