package org.outpost.dashboard.profile.api;

import org.outpost.dashboard.profile.ProfileService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/profile}: the caller's own profile; {@code /api/v1/admin/users/{name}/profile}:
 * any user's, for admins (the security chain's rule on {@code /api/v1/admin/**}). {@code PUT}
 * replaces the whole profile: a field left out is cleared, so read it first.
 */
@RestController
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/me/profile")
    ProfileJson mine(Authentication me) {
        return ProfileJson.of(profiles.get(me.getName()));
    }

    @PutMapping("/api/v1/me/profile")
    ProfileJson updateMine(@RequestBody ProfileJson request, Authentication me) {
        return ProfileJson.of(profiles.update(me.getName(), request.change(), me.getName()));
    }

    /** 202 when a new link went out; 409 when there is no address waiting, or the last link is too recent. */
    @PostMapping("/api/v1/me/profile/email-confirmation")
    ResponseEntity<?> resend(Authentication me) {
        if (profiles.resendConfirmation(me.getName())) {
            return ResponseEntity.accepted().body(ProfileJson.of(profiles.get(me.getName())));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "No link sent: the profile has no address waiting for confirmation, or the last link went"
                                + " out less than " + profiles.resendAfter().toMinutes() + " minutes ago"));
    }

    @GetMapping("/api/v1/admin/users/{name}/profile")
    ProfileJson get(@PathVariable String name) {
        return ProfileJson.of(profiles.get(name));
    }

    @PutMapping("/api/v1/admin/users/{name}/profile")
    ProfileJson update(@PathVariable String name, @RequestBody ProfileJson request, Authentication actor) {
        return ProfileJson.of(profiles.update(name, request.change(), actor.getName()));
    }
}
