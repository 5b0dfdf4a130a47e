/** {@code /api/v1/admin/users}: the user administration REST API. */
@NullMarked
package org.outpost.dashboard.user.api;

import org.jspecify.annotations.NullMarked;
