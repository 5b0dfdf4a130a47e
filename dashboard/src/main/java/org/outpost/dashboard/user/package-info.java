/** Outpost accounts: who may log in, with which role; managed by admins. */
@NullMarked
package org.outpost.dashboard.user;

import org.jspecify.annotations.NullMarked;
