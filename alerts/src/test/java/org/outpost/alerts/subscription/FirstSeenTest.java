package org.outpost.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.entity.EntityType;

class FirstSeenTest {

    @Test
    void noTypeMeansNoAlertAndTypesComeWithDefaultsInTheGazetteersOrder() {
        assertThat(valid(null, 400, 0).firstSeen())
                .as("days and sources need no value then")
                .isNull();
        assertThat(valid(List.of(" ", ""), null, null).firstSeen()).isNull();
        assertThat(valid(List.of("Person", "group", "org"), null, null).firstSeen())
                .isEqualTo(new FirstSeen(List.of(EntityType.ORG, EntityType.GROUP, EntityType.PERSON), 90, 2));
        assertThat(valid(List.of("place", "region"), 30, 3).firstSeen())
                .isEqualTo(new FirstSeen(List.of(EntityType.REGION, EntityType.PLACE), 30, 3));
    }

    @Test
    void anUnknownTypeACountryOrOutOfRangeNumbersNameTheirField() {
        assertThat(invalid(List.of("people"), null, null).field()).isEqualTo("firstSeenTypes");
        assertThat(invalid(List.of("country"), null, null).getMessage())
                .isEqualTo("'country' is no type of new name: use person, org, group, place or region");
        assertThat(invalid(List.of("person"), 0, null).field()).isEqualTo("firstSeenDays");
        assertThat(invalid(List.of("person"), 731, null).field()).isEqualTo("firstSeenDays");
        assertThat(invalid(List.of("person"), null, 0).field()).isEqualTo("firstSeenSources");
        assertThat(invalid(List.of("person"), null, 21).field()).isEqualTo("firstSeenSources");
        assertThat(Arrays.stream(EntityType.values()).filter(t -> !FirstSeen.CHOICES.contains(t)))
                .containsExactly(EntityType.COUNTRY);
    }

    private static SubscriptionDefinition.Valid valid(List<String> types, Integer days, Integer sources) {
        return definition(types, days, sources).validate();
    }

    private static InvalidSubscriptionException invalid(List<String> types, Integer days, Integer sources) {
        return catchThrowableOfType(
                InvalidSubscriptionException.class,
                () -> definition(types, days, sources).validate());
    }

    private static SubscriptionDefinition definition(List<String> types, Integer days, Integer sources) {
        return SubscriptionDefinition.builder()
                .name("New names")
                .query("Tajikistan")
                .channels(List.of(ChannelDefinition.inApp()))
                .firstSeenTypes(types)
                .firstSeenDays(days)
                .firstSeenSources(sources)
                .build();
    }
}
