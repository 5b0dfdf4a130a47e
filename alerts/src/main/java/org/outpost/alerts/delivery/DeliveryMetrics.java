package org.outpost.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Meters: {@code outpost.alerts.deliveries{channel,outcome}} and the time from match to delivery. */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(Delivery delivery, Duration sinceCreated) {
        counter(delivery, "sent").increment();
        Timer.builder("outpost.alerts.delivery.latency")
                .description("From match (or digest time) to delivery")
                .tag("channel", delivery.channelType())
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceCreated);
    }

    void retried(Delivery delivery) {
        counter(delivery, "retried").increment();
    }

    void failed(Delivery delivery) {
        counter(delivery, "failed").increment();
    }

    private Counter counter(Delivery delivery, String outcome) {
        return Counter.builder("outpost.alerts.deliveries")
                .tag("channel", delivery.channelType())
                .tag("outcome", outcome)
                .register(registry);
    }
}
