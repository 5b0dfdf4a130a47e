/** What every REST endpoint shares: errors as problem details with a message saying what to fix. */
@NullMarked
package org.outpost.dashboard.api;

import org.jspecify.annotations.NullMarked;
