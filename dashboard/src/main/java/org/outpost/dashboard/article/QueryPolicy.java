package org.outpost.dashboard.article;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.QueryLimits;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The query limits of the signed-in user ({@link SearchProperties}): the index applies them, the dashboard decides
 * them by role, so core knows nothing of roles. Every place a reader's query text enters goes through
 * {@link #check(String)}: Explore and the articles API ({@link ArticleService}), exports, alerts and reports.
 */
@Component
public class QueryPolicy {

    private final int maxLength;
    private final Set<String> expensiveRoles;

    QueryPolicy(SearchProperties properties) {
        this.maxLength = Math.max(1, properties.maxQueryLength());
        this.expensiveRoles = properties.expensiveQueryRoles().stream()
                .map(r -> "ROLE_" + r.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The limits of the user signed in on this thread (a request, or a Vaadin session's UI access). */
    public QueryLimits limits() {
        return limits(SecurityContextHolder.getContext().getAuthentication());
    }

    public QueryLimits limits(@Nullable Authentication user) {
        boolean expensive = user != null
                && user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(expensiveRoles::contains);
        return new QueryLimits(maxLength, expensive);
    }

    /**
     * @throws org.outpost.core.index.InvalidQueryException when the text is too long, asks what the user's role may
     *     not, or is not valid syntax
     */
    public void check(@Nullable String text) {
        if (text != null && !text.isBlank()) {
            limits().check(text.strip());
        }
    }
}
