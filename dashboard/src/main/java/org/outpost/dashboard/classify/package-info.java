/** Topic scoring and entity tagging for the app: configuration, the classify and topics API. */
@NullMarked
package org.outpost.dashboard.classify;

import org.jspecify.annotations.NullMarked;
