package org.outpost.dashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Creating and revoking a token is published for the audit log, with what identifies the token and never its secret. */
@RecordApplicationEvents
@Tag(TestDatabases.TAG)
class TokenAuditTest extends OutpostAppTest {

    @Autowired
    TokenService tokens;

    @Test
    void creationAndRevocationArePublishedWithoutTheSecret(ApplicationEvents events) {
        CreatedToken created = tokens.create("admin", new NewToken("audited", "read-write", 7, null));
        tokens.revoke(created.token().id(), "admin", true);

        List<AuditApplicationEvent> audit =
                events.stream(AuditApplicationEvent.class).toList();
        assertThat(audit)
                .extracting(e -> e.getAuditEvent().getType())
                .containsExactly(TokenService.TOKEN_CREATED, TokenService.TOKEN_REVOKED);
        for (AuditApplicationEvent event : audit) {
            assertThat(event.getAuditEvent().getPrincipal()).isEqualTo("admin");
            assertThat(event.getAuditEvent().getData())
                    .containsEntry("tokenId", created.token().id())
                    .containsEntry("name", "audited")
                    .containsEntry("scope", "read-write")
                    .containsKey("expiresAt");
            assertThat(event.getAuditEvent().getData().values().toString())
                    .doesNotContain(created.secret().substring(16))
                    .doesNotContain(TokenService.hash(created.secret()));
        }
    }
}
