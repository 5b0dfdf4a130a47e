package org.outpost.dashboard.token.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.outpost.dashboard.token.ApiTokenAuthentication;
import org.outpost.dashboard.token.NewToken;
import org.outpost.dashboard.token.TokenRefusedException;
import org.outpost.dashboard.token.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: the caller's own personal API tokens; {@code /api/v1/admin/tokens}: every
 * user's, for admins (the security chain keeps {@code /admin/} to them). Nobody ever reads a
 * token's secret back.
 */
@RestController
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/tokens")
    List<TokenJson.Token> mine(Authentication user) {
        Instant now = Instant.now();
        return tokens.list(user.getName()).stream()
                .map(t -> TokenJson.Token.of(t, now))
                .toList();
    }

    @GetMapping("/api/v1/admin/tokens")
    List<TokenJson.Token> all() {
        Instant now = Instant.now();
        return tokens.listAll().stream().map(t -> TokenJson.Token.of(t, now)).toList();
    }

    /**
     * Only with the account's password (or in the dashboard): a token that could make tokens
     * would let a leaked one outlive its expiry and its revocation.
     */
    @PostMapping("/api/v1/tokens")
    ResponseEntity<?> create(@RequestBody NewToken request, Authentication user) {
        if (user instanceof ApiTokenAuthentication) {
            ProblemDetail refused = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "An API token cannot create tokens: create them in the dashboard (API tokens) or with the"
                            + " account's password.");
            refused.setProperty("message", refused.getDetail());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(refused);
        }
        TokenJson.Created created = TokenJson.Created.of(tokens.create(user.getName(), request));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    /** The owner revokes their own tokens, an admin anybody's; to others the token does not exist (404). */
    @DeleteMapping("/api/v1/tokens/{id}")
    TokenJson.Token revoke(@PathVariable String id, Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return TokenJson.Token.of(tokens.revoke(id, user.getName(), admin), Instant.now());
    }

    /** A refusal names the field at fault, so a script's author knows what to change. */
    @ExceptionHandler(TokenRefusedException.class)
    ProblemDetail refused(TokenRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid token request");
        problem.setProperty("message", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }
}
