package org.outpost.alerts;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alerts module's beans, for the app to import. Needs a DataSource with the module's Flyway
 * migrations applied (a {@code JdbcClient} and a transaction manager on it), an ArticleIndex, an
 * ArticleSearch, an ArticleStats, a MeterRegistry and, to send email, a {@code JavaMailSender} (absent: email deliveries fail
 * with "email is not configured" and are retried, so nothing is lost once it is configured).
 * A {@link ReaderLanguages} bean of the app's decides whose messages are in Russian, an
 * {@link AccountStates} bean whose alerts and reports may be sent, a {@link ReaderProfiles} bean
 * where a user is emailed and when they are not to be disturbed, a {@link SourceHealthReaders} bean
 * who is told about silent and failing sources.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableScheduling
@EnableConfigurationProperties({AlertsProperties.class, org.outpost.alerts.delivery.TelegramProperties.class})
public class AlertsConfiguration {

    /** Everyone reads English until the app knows better. */
    @Bean
    @ConditionalOnMissingBean(ReaderLanguages.class)
    ReaderLanguages readerLanguages() {
        return username -> Locale.ENGLISH;
    }

    /** Without an account store (the module alone) nobody has a confirmed address or quiet hours. */
    @Bean
    @ConditionalOnMissingBean(ReaderProfiles.class)
    ReaderProfiles readerProfiles() {
        return new ReaderProfiles() {
            @Override
            public java.util.Optional<String> confirmedEmail(String username) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<QuietHours> quietHours(String username) {
                return java.util.Optional.empty();
            }
        };
    }

    /** Without an account store (the module alone) nobody follows source health. */
    @Bean
    @ConditionalOnMissingBean(SourceHealthReaders.class)
    SourceHealthReaders sourceHealthReaders() {
        return java.util.List::of;
    }

    /** Without an account store (the module alone) every owner may receive alerts. */
    @Bean
    @ConditionalOnMissingBean(AccountStates.class)
    AccountStates accountStates() {
        return owner -> true;
    }
}
