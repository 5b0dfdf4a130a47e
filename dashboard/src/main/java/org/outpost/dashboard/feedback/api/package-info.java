/** {@code /api/v1/articles/{id}/feedback}: a user's own verdicts on an article's topics; {@code /api/v1/admin/feedback} for admins. */
@NullMarked
package org.outpost.dashboard.feedback.api;

import org.jspecify.annotations.NullMarked;
