/** The API tokens page: a user creates, lists and revokes their personal API tokens. */
@NullMarked
package org.outpost.dashboard.token.ui;

import org.jspecify.annotations.NullMarked;
