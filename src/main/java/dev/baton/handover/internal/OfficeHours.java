package dev.baton.handover.internal;

import dev.baton.shared.BatonException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When the team works, per day of the week in the account's time zone: {@code {"monday": "09:00-18:00",
 * "saturday": "10:00-14:00"}}, several ranges separated by commas ("09:00-12:00,13:00-18:00"). A day that is not
 * named is closed; no days at all means the team is always there.
 */
record OfficeHours(Map<DayOfWeek, List<Range>> days) {

    record Range(LocalTime from, LocalTime to) {
    }

    OfficeHours {
        days = Map.copyOf(days);
    }

    static OfficeHours always() {
        return new OfficeHours(Map.of());
    }

    boolean alwaysOpen() {
        return days.isEmpty();
    }

    static OfficeHours parse(Map<String, String> spec) {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        if (spec == null) {
            return always();
        }
        for (Map.Entry<String, String> entry : spec.entrySet()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(entry.getKey().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BatonException.badRequest("Office hours: '" + entry.getKey()
                        + "' is not a day; use monday, tuesday ... sunday.");
            }
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            List<Range> ranges = new ArrayList<>();
            for (String part : value.split(",")) {
                String[] ends = part.strip().split("-");
                if (ends.length != 2) {
                    throw BatonException.badRequest("Office hours for " + entry.getKey() + ": '" + part.strip()
                            + "' should look like 09:00-18:00.");
                }
                try {
                    LocalTime from = LocalTime.parse(ends[0].strip());
                    LocalTime to = LocalTime.parse(ends[1].strip());
                    if (!from.isBefore(to)) {
                        throw BatonException.badRequest("Office hours for " + entry.getKey() + ": " + part.strip()
                                + " ends before it starts.");
                    }
                    ranges.add(new Range(from, to));
                } catch (DateTimeParseException e) {
                    throw BatonException.badRequest("Office hours for " + entry.getKey() + ": '" + part.strip()
                            + "' should look like 09:00-18:00.");
                }
            }
            days.put(day, List.copyOf(ranges));
        }
        return new OfficeHours(days);
    }

    /** Back to the {@link #parse} form, Monday first. */
    Map<String, String> spec() {
        Map<String, String> spec = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Range> ranges = days.get(day);
            if (ranges != null && !ranges.isEmpty()) {
                spec.put(day.name().toLowerCase(Locale.ROOT), String.join(",",
                        ranges.stream().map(r -> r.from() + "-" + r.to()).toList()));
            }
        }
        return spec;
    }

    boolean isOpen(ZonedDateTime at) {
        if (alwaysOpen()) {
            return true;
        }
        LocalTime time = at.toLocalTime();
        return days.getOrDefault(at.getDayOfWeek(), List.of()).stream()
                .anyMatch(range -> !time.isBefore(range.from()) && time.isBefore(range.to()));
    }

    /** The next moment the team is there, from {@code at} on (itself when open); empty when no day is open. */
    Optional<ZonedDateTime> nextOpening(ZonedDateTime at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        for (int offset = 0; offset <= 7; offset++) {
            ZonedDateTime day = at.plusDays(offset);
            for (Range range : days.getOrDefault(day.getDayOfWeek(), List.of()).stream()
                    .sorted((a, b) -> a.from().compareTo(b.from())).toList()) {
                ZonedDateTime start = day.with(range.from()).withSecond(0).withNano(0);
                if (start.isAfter(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }
}
