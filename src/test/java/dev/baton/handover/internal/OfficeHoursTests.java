package dev.baton.handover.internal;

import dev.baton.shared.BatonException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursTests {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    // 2026-11-26 is a Thursday
    private static final ZonedDateTime THURSDAY_10 = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, JAKARTA);

    private final OfficeHours weekdays = OfficeHours.parse(Map.of("monday", "09:00-12:00,13:00-18:00",
            "tuesday", "09:00-18:00", "wednesday", "09:00-18:00", "thursday", "09:00-12:00,13:00-18:00",
            "friday", "09:00-17:00"));

    @Test
    void noDaysMeansAlwaysOpen() {
        OfficeHours always = OfficeHours.parse(Map.of());
        assertThat(always.isOpen(THURSDAY_10.withHour(3))).isTrue();
        assertThat(always.nextOpening(THURSDAY_10.withHour(3))).contains(THURSDAY_10.withHour(3));
    }

    @Test
    void openInsideARangeClosedAtLunchAndAtTheEnd() {
        assertThat(weekdays.isOpen(THURSDAY_10)).isTrue();
        assertThat(weekdays.isOpen(THURSDAY_10.withHour(12).withMinute(30))).isFalse();
        assertThat(weekdays.isOpen(THURSDAY_10.withHour(18))).isFalse();
        assertThat(weekdays.isOpen(THURSDAY_10.withHour(8).withMinute(59))).isFalse();
    }

    @Test
    void nextOpeningAfterLunchTheNextMorningAndAfterTheWeekend() {
        assertThat(weekdays.nextOpening(THURSDAY_10.withHour(12).withMinute(15)))
                .contains(THURSDAY_10.withHour(13).withMinute(0));
        assertThat(weekdays.nextOpening(THURSDAY_10.withHour(19)))
                .contains(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, JAKARTA));
        ZonedDateTime fridayEvening = ZonedDateTime.of(2026, 11, 27, 17, 30, 0, 0, JAKARTA);
        assertThat(weekdays.nextOpening(fridayEvening)).contains(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, JAKARTA));
    }

    @Test
    void theSpecRoundTripsMondayFirst() {
        assertThat(weekdays.spec()).containsExactly(Map.entry("monday", "09:00-12:00,13:00-18:00"),
                Map.entry("tuesday", "09:00-18:00"), Map.entry("wednesday", "09:00-18:00"),
                Map.entry("thursday", "09:00-12:00,13:00-18:00"), Map.entry("friday", "09:00-17:00"));
        assertThat(OfficeHours.parse(weekdays.spec())).isEqualTo(weekdays);
    }

    @Test
    void badSpecsAreRefusedWithTheDayAndTheProblem() {
        assertThatThrownBy(() -> OfficeHours.parse(Map.of("funday", "09:00-18:00")))
                .isInstanceOf(BatonException.class).hasMessageContaining("'funday' is not a day");
        assertThatThrownBy(() -> OfficeHours.parse(Map.of("monday", "9 to 5")))
                .isInstanceOf(BatonException.class).hasMessageContaining("should look like 09:00-18:00");
        assertThatThrownBy(() -> OfficeHours.parse(Map.of("monday", "18:00-09:00")))
                .isInstanceOf(BatonException.class).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> OfficeHours.parse(Map.of("monday", "25:00-26:00")))
                .isInstanceOf(BatonException.class).hasMessageContaining("should look like");
    }
}
