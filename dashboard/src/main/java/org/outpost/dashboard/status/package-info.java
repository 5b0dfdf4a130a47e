/** The System page's figures: cluster, index, ingest queue and crawls in one place. */
@NullMarked
package org.outpost.dashboard.status;

import org.jspecify.annotations.NullMarked;
