package org.outpost.dashboard.token;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token: it acts as the token's owner, with the owner's
 * current authorities; {@link #getName()} is the owner, so controllers need not know how the
 * caller signed in.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;

    ApiTokenAuthentication(ApiToken token, List<String> authorities) {
        super(authorities.stream().map(SimpleGrantedAuthority::new).toList());
        this.token = token;
        setAuthenticated(true);
    }

    public ApiToken token() {
        return token;
    }

    @Override
    public String getName() {
        return token.owner();
    }

    @Override
    public Object getPrincipal() {
        return token.owner();
    }

    /** Never the secret: the request holds it, this object does not. */
    @Override
    public Object getCredentials() {
        return "";
    }
}
