package org.outpost.dashboard.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.outpost.core.cron.CronDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Trains on {@code outpost.topics.training.cron}, when set. Every instance's schedule fires; the
 * tick (to the minute, so instances whose clocks differ by seconds agree on it) is claimed in the
 * {@code model_training_run} row, so one instance trains per tick.
 */
@Component
class ModelSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ModelSchedule.class);

    private final ModelTraining training;
    private final TrainingRuns runs;
    private final ModelProperties properties;
    private final Clock clock;

    ModelSchedule(ModelTraining training, TrainingRuns runs, ModelProperties properties, Optional<Clock> clock) {
        this.training = training;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.cron().isBlank()) {
            if (CronDialect.writesWeekdayAsNumber(properties.cron())) {
                throw new IllegalArgumentException("outpost.topics.training.cron: write weekdays as names (MON-FRI),"
                        + " not numbers, in the " + CronDialect.NAME + " dialect: " + properties.cron());
            }
            registrar.addCronTask(this::tick, properties.cron().strip());
            log.info(
                    "Topic models are trained on the schedule {}",
                    properties.cron().strip());
        }
    }

    /** @return whether this instance started the tick's run */
    boolean tick() {
        Instant tick = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        try {
            if (!runs.claimTick(tick)) {
                return false; // another instance took this tick
            }
            training.start(ModelRecord.SCHEDULE);
            return true;
        } catch (IllegalStateException e) {
            log.info("Scheduled model training skipped: {}", e.getMessage());
        } catch (DataAccessException e) {
            log.warn("Scheduled model training could not start: {}", e.getMessage());
        }
        return false;
    }
}
