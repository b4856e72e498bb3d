package dev.baton.analytics.internal;

import dev.baton.shared.BatonException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The days a report covers, both included, in the account's time zone; at most a year, by default the last 30 days. */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw BatonException.badRequest("'from' (" + from + ") is after 'to' (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw BatonException.badRequest("The period has " + (ChronoUnit.DAYS.between(from, to) + 1)
                    + " days; the longest is " + MAX_DAYS + ".");
        }
    }

    /** {@code from} and {@code to} as YYYY-MM-DD, either or both missing (null or blank). */
    public static ReportPeriod parse(String from, String to, ZoneId zone, Clock clock) {
        LocalDate end = date("to", to);
        LocalDate start = date("from", from);
        if (end == null) {
            end = start == null ? LocalDate.now(clock.withZone(zone)) : start.plusDays(DEFAULT_DAYS - 1);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        return new ReportPeriod(start, end, zone);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BatonException.badRequest("'" + name + "' must be a date like 2026-11-01, not '" + value + "'.");
        }
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
