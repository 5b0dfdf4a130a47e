package org.outpost.alerts.subscription;

import java.util.List;
import org.outpost.core.index.ArticleHit;
import org.springframework.modulith.NamedInterface;

/** What a subscription would have matched: counts over the last 7 and 30 days and the newest matches. */
@NamedInterface("subscription")
public record Preview(long lastWeek, long lastMonth, List<ArticleHit> latest) {}
