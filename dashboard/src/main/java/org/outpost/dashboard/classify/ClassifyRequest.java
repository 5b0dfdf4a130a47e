package org.outpost.dashboard.classify;

import org.jspecify.annotations.Nullable;

record ClassifyRequest(@Nullable String title, @Nullable String text) {
}
