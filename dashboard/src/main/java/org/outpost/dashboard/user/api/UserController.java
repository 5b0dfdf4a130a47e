package org.outpost.dashboard.user.api;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.user.NewUser;
import org.outpost.dashboard.user.Role;
import org.outpost.dashboard.user.UserAccount;
import org.outpost.dashboard.user.UserLanguages;
import org.outpost.dashboard.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/users}: accounts, their role and whether they may log in (admins only, see the security chain). */
@RestController
@RequestMapping("/api/v1/admin/users")
class UserController {

    private final UserService users;
    private final UserLanguages languages;

    UserController(UserService users, UserLanguages languages) {
        this.users = users;
        this.languages = languages;
    }

    @GetMapping
    List<UserAccount> list() {
        return users.list();
    }

    @GetMapping("/{name}")
    UserAccount get(@PathVariable String name) {
        return users.get(name);
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@RequestBody NewUser request) {
        UserAccount created = users.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username()))
                .body(created);
    }

    /** Any field may be left out; {@code "language": ""} forgets the choice, so the browser's language decides again. */
    @PutMapping("/{name}")
    UserAccount update(@PathVariable String name, @RequestBody Update request, Authentication actor) {
        Role role = request.role() == null ? null : Role.parse(request.role());
        if (request.language() != null) {
            languages.choose(
                    name,
                    request.language().isBlank()
                            ? null
                            : UserLanguages.supported(request.language())
                                    .orElseThrow(() -> new IllegalArgumentException("language must be one of "
                                            + UserLanguages.SUPPORTED.stream()
                                                    .map(l -> l.getLanguage())
                                                    .toList()
                                            + ", was '" + request.language() + "'")));
        }
        return users.update(name, role, request.enabled(), actor.getName());
    }

    /** Without a body (or without "password") a strong password is generated and returned, this once. */
    @PostMapping("/{name}/password")
    PasswordJson resetPassword(
            @PathVariable String name, @RequestBody(required = false) @Nullable PasswordJson request) {
        String given = request == null ? null : request.password();
        String password = users.resetPassword(name, given);
        return new PasswordJson(given == null ? password : null);
    }

    /** Deletes the account (not its alerts and reports, which stay inert); refuses yourself and the last enabled admin. */
    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, Authentication actor) {
        users.delete(name, actor.getName());
        return ResponseEntity.noContent().build();
    }

    /** Lifts the sign-in lock that failed sign-ins put on the account, before it runs out. */
    @PostMapping("/{name}/unlock")
    UnlockJson unlock(@PathVariable String name, Authentication actor) {
        return new UnlockJson(name, users.unlock(name, actor.getName()));
    }

    /** @param wasLocked whether the account was locked when asked */
    record UnlockJson(String username, boolean wasLocked) {}

    record Update(
            @Nullable String role,
            @Nullable Boolean enabled,
            @Nullable String language) {}

    /** In a request the password to set; in the answer the generated one, or null when the caller chose it. */
    record PasswordJson(@Nullable String password) {}
}
