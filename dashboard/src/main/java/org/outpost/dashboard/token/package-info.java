/** Personal API tokens: created by their owner, stored as a hash, accepted as {@code Authorization: Bearer} on the API. */
@NullMarked
package org.outpost.dashboard.token;

import org.jspecify.annotations.NullMarked;
