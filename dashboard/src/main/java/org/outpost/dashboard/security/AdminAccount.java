package org.outpost.dashboard.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Makes sure the {@value #USERNAME} account exists. Its password comes from
 * {@code OUTPOST_ADMIN_PASSWORD}; without it a random one is generated on first start and
 * printed once, since it is stored only as a hash.
 */
@Component
@Order(0)
class AdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserDetailsManager users;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final SignInThrottle throttle;

    AdminAccount(
            UserDetailsManager users, PasswordEncoder encoder, AdminProperties properties, SignInThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.throttle = throttle;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.password();
        boolean hasConfigured = configured != null && !configured.isBlank();
        if (!users.userExists(USERNAME)) {
            String password = hasConfigured ? configured : generatePassword();
            users.createUser(admin(password));
            if (hasConfigured) {
                log.info("Created user '{}' with the password from OUTPOST_ADMIN_PASSWORD", USERNAME);
            } else {
                log.warn("""

                        ==============================================================
                          Created user '{}' with generated password: {}
                          It is shown only this once. Set OUTPOST_ADMIN_PASSWORD to choose one.
                        ==============================================================""", USERNAME, password);
            }
        } else if (hasConfigured
                && !encoder.matches(
                        configured, users.loadUserByUsername(USERNAME).getPassword())) {
            users.updateUser(admin(configured));
            log.info("Set the password of user '{}' from OUTPOST_ADMIN_PASSWORD", USERNAME);
        }
        // anyone can lock a known account name by guessing its password; when the only admins are
        // locked out, the operator's way back is a restart, as for a forgotten password
        if (throttle.unlock(USERNAME)) {
            log.warn("Lifted the sign-in lock that failed sign-ins had put on '{}' (see the audit log)", USERNAME);
        }
    }

    private UserDetails admin(String password) {
        return User.withUsername(USERNAME)
                .password(encoder.encode(password))
                .roles("ADMIN", "ANALYST")
                .build();
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
