/** {@code /api/v1/tokens}: a user's personal API tokens through the REST API; {@code /api/v1/admin/tokens} for admins. */
@NullMarked
package org.outpost.dashboard.token.api;

import org.jspecify.annotations.NullMarked;
