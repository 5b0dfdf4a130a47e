package org.outpost.alerts.subscription;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, encrypts the webhook URLs and secrets that an earlier version stored in plain text,
 * and renames their deliveries' channel from the whole URL to the masked key, so neither the
 * database nor the delivery log keeps them readable. Idempotent; several instances starting at
 * once each update a row only if it is still as they read it.
 */
@Component
class ChannelSecretsMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChannelSecretsMigration.class);

    private final JdbcClient jdbc;
    private final SubscriptionRepository repository;

    ChannelSecretsMigration(JdbcClient jdbc, SubscriptionRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        record Row(long id, String channels) {}
        List<Row> plain = jdbc
                .sql("select id, channels from alert_subscription where channels like '%\"webhook\"%'")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .filter(r -> r.channels().matches("(?s).*\"(url|secret)\":\"(?!enc:v1:).*"))
                .toList();
        int done = 0;
        for (Row row : plain) {
            try {
                List<Channel> channels = repository.channels(row.channels());
                if (repository.rewriteChannels(row.id(), row.channels(), channels)) {
                    for (Channel c : channels) {
                        if (c instanceof Channel.Webhook w) {
                            renameDeliveries(row.id(), w);
                        }
                    }
                    done++;
                }
            } catch (IllegalStateException e) {
                log.error("Webhooks of subscription {} not encrypted: {}", row.id(), e.getMessage());
            }
        }
        if (done > 0) {
            log.info("Encrypted the webhook URLs and secrets of {} subscriptions written before encryption", done);
        }
    }

    private void renameDeliveries(long subscriptionId, Channel.Webhook w) {
        for (String table : List.of("alert_delivery", "alert_delivery_article")) {
            jdbc.sql("update " + table + " set channel = ? where subscription_id = ? and channel = ?")
                    .params(w.key(), subscriptionId, w.legacyKey())
                    .update();
        }
    }
}
