/** Listing, searching and reading articles: the REST API and the views. */
@NullMarked
package org.outpost.dashboard.article;

import org.jspecify.annotations.NullMarked;
