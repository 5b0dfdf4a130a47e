/** {@code /api/v1/me/profile} and {@code /api/v1/admin/users/{name}/profile}: the user profile through the REST API. */
@NullMarked
package org.outpost.dashboard.profile.api;

import org.jspecify.annotations.NullMarked;
