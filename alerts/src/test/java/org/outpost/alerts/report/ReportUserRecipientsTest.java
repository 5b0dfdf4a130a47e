package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.core.postgres.TestDatabases;

/**
 * A report recipient given as a user name is emailed at the address that user confirmed in their
 * profile (the app's {@link ReaderProfiles}); without one, or with their account disabled, nothing
 * is mailed to them and nobody is asked to confirm anything on their behalf.
 */
@Tag(TestDatabases.TAG)
class ReportUserRecipientsTest extends ReportTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant END = Instant.parse("2026-03-10T07:00:00Z");

    /** amina and dilnoza confirmed an address; boris gave none; dilnoza's account is disabled. */
    private static final Map<String, String> CONFIRMED =
            Map.of("amina", "amina@ngo.example", "dilnoza", "dilnoza@ngo.example");

    private static final Set<String> DISABLED = Set.of("dilnoza");

    @Test
    void aUserRecipientIsMailedAtTheirConfirmedAddressOnceAndOthersAreNot() throws Exception {
        index.index(List.of(article("u1", "Agency A", END.minusSeconds(3600), "drug_trafficking", 0.9, List.of())));
        index.refresh();
        ReaderProfiles profiles = new ReaderProfiles() {
            @Override
            public Optional<String> confirmedEmail(String username) {
                return Optional.ofNullable(CONFIRMED.get(username));
            }

            @Override
            public Optional<QuietHours> quietHours(String username) {
                return Optional.empty();
            }
        };
        AccountStates states = owner -> !DISABLED.contains(owner);
        try (ReportsHarness app =
                new ReportsHarness(database, index, MAIL.getSmtp().getPort(), Map.of(), null, context -> {
                    context.registerBean(ReaderProfiles.class, () -> profiles);
                    context.registerBean(AccountStates.class, () -> states);
                })) {
            for (String user : List.of("analyst", "amina", "boris", "dilnoza")) {
                app.addUser(user);
            }
            // amina's address is also given as an address the owner confirmed: mailed once, not twice
            app.confirm("analyst", "amina@ngo.example");
            Report report = app.reports()
                    .create(
                            daily(
                                    "Morning brief",
                                    List.of(),
                                    List.of("amina", "boris", "dilnoza", "Amina@NGO.example"),
                                    null),
                            ANALYST);

            long runId = app.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, END);

            ReportRun run = app.reports().run(report.id(), runId, ANALYST);
            assertThat(run.status()).as(run.error()).isEqualTo(ReportRun.Status.SUCCEEDED);
            List<String> to = Arrays.stream(MAIL.getReceivedMessages())
                    .map(ReportUserRecipientsTest::recipient)
                    .map(a -> a.toLowerCase(java.util.Locale.ROOT))
                    .toList();
            assertThat(to).containsExactly("amina@ngo.example");
            assertThat(MAIL.getReceivedMessages()[0].getSubject()).startsWith("Morning brief");
            assertThat(app.jdbc
                            .sql("select count(*) from alert_email_confirmation where address like '%boris%'"
                                    + " or address like '%dilnoza%'")
                            .query(Long.class)
                            .single())
                    .as("no confirmation asked for a user recipient")
                    .isZero();
            // they still read it in Outpost
            for (String user : List.of("amina", "boris", "dilnoza")) {
                assertThat(report.readableBy(user)).as(user).isTrue();
            }
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
