/** The articles REST API, JSON under /api/v1. */
@NullMarked
package org.outpost.dashboard.article.api;

import org.jspecify.annotations.NullMarked;
