package dev.baton.analytics.web;

import dev.baton.analytics.internal.AnalyticsReport;
import dev.baton.analytics.internal.AnalyticsReport.Day;
import dev.baton.analytics.internal.AnalyticsReport.Score;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as the Analytics page shows it: durations and shares in words, reason codes as names, and each chart's
 * Chart.js configuration as JSON (read by static/js/analytics.js from the canvas' data-chart attribute).
 */
class AnalyticsView {

    static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("HUMAN_REQUESTED", "Asked for a person"), Map.entry("NEGATIVE_EMOTION", "Upset shopper"),
            Map.entry("OUT_OF_KNOWLEDGE", "Not in the knowledge"), Map.entry("SPECIAL_POLICY", "Special policy"),
            Map.entry("REPEATED_RESPONSE", "Repeated answer"), Map.entry("TECHNICAL_ISSUE", "Technical issue"),
            Map.entry("DATA_NOT_FOUND", "Data not found"), Map.entry("SENSITIVE_DATA", "Sensitive data"),
            Map.entry("CHANNEL_SWITCH", "Channel switch"), Map.entry("VIP", "VIP customer"),
            Map.entry("UNKNOWN", "No reason given"));
    /** One colour per reason, in the codes' order, told apart in print too. */
    static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("HUMAN_REQUESTED", "#4f46e5"), Map.entry("NEGATIVE_EMOTION", "#d92d20"),
            Map.entry("OUT_OF_KNOWLEDGE", "#f79009"), Map.entry("SPECIAL_POLICY", "#0ba5ec"),
            Map.entry("REPEATED_RESPONSE", "#875bf7"), Map.entry("TECHNICAL_ISSUE", "#667085"),
            Map.entry("DATA_NOT_FOUND", "#12b76a"), Map.entry("SENSITIVE_DATA", "#ee46bc"),
            Map.entry("CHANNEL_SWITCH", "#15b79e"), Map.entry("VIP", "#eaaa08"), Map.entry("UNKNOWN", "#b0b7c3"));
    private static final String AGENT = "#4f46e5";
    private static final String PEOPLE = "#f79009";
    private static final String GREY = "#d0d5dd";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final AnalyticsReport report;
    private final String zone;
    private final LocalDate today;
    private final ObjectMapper json;

    AnalyticsView(AnalyticsReport report, String zone, LocalDate today, ObjectMapper json) {
        this.report = report;
        this.zone = zone;
        this.today = today;
        this.json = json;
    }

    record Preset(String label, LocalDate from, LocalDate to, boolean active) {
    }

    /** The last 7, 30 and 90 days up to today, one link each. */
    public List<Preset> presets() {
        return List.of(7, 30, 90).stream().map(days -> new Preset("Last " + days + " days", today.minusDays(days - 1),
                today, report.from().equals(today.minusDays(days - 1)) && report.to().equals(today))).toList();
    }

    public AnalyticsReport report() {
        return report;
    }

    public boolean empty() {
        return report.conversations().total() == 0 && report.handovers().total() == 0;
    }

    public String period() {
        String days = report.from().equals(report.to()) ? "on " + report.from().format(LONG_DAY)
                : report.from().format(LONG_DAY) + " – " + report.to().format(LONG_DAY);
        return days + " (" + zone + ")";
    }

    /** "3 min 20 s", "2 h 05 min", "3 d 4 h"; a dash when nothing was measured. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h " + String.format("%02d", seconds % 3_600 / 60) + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3_600 + " h";
    }

    /** The agent's share of the conversations that were resolved, in whole percent; a dash when none were. */
    public String agentShare() {
        long resolved = report.conversations().resolvedByAgent() + report.conversations().resolvedByPeople();
        return resolved == 0 ? "—" : Math.round(100.0 * report.conversations().resolvedByAgent() / resolved) + "%";
    }

    public String average(Score score) {
        return score.average() == null ? "—" : String.format(Locale.ENGLISH, "%.1f", score.average());
    }

    public String answers(Score score) {
        return score.responses() == 1 ? "1 answer" : score.responses() + " answers";
    }

    public boolean anyCsat() {
        return report.csat().aiOnly().responses() + report.csat().handedOver().responses()
                + report.csat().teamOnly().responses() > 0;
    }

    /** The reasons that handovers of the period had, most frequent first: [code, name, count]. */
    public List<Map<String, Object>> reasons() {
        List<Map<String, Object>> reasons = new ArrayList<>();
        report.handovers().byReason().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> reasons.add(Map.of("code", e.getKey(), "name", REASONS.getOrDefault(e.getKey(), e.getKey()),
                        "count", e.getValue(), "colour", COLOURS.getOrDefault(e.getKey(), GREY))));
        return reasons;
    }

    public String resolvedChart() {
        var conversations = report.conversations();
        return doughnut(List.of("Resolved by the agent", "Resolved by people", "Still open"),
                List.of(conversations.resolvedByAgent(), conversations.resolvedByPeople(), conversations.open()),
                List.of(AGENT, PEOPLE, GREY));
    }

    public String slaChart() {
        var sla = report.sla();
        return doughnut(List.of("Answered in time", "Breached", "Still within the SLA"),
                List.of(sla.met(), sla.breached(), sla.open()), List.of("#12b76a", "#d92d20", GREY));
    }

    /** Handovers per day, a stacked bar per day with one colour per reason. */
    public String handoversChart() {
        List<String> labels = report.handovers().byDay().stream().map(day -> day.date().format(DAY)).toList();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Map<String, Object> reason : reasons()) {
            String code = (String) reason.get("code");
            datasets.add(Map.of("label", reason.get("name"), "backgroundColor", reason.get("colour"),
                    "data", report.handovers().byDay().stream().map(day -> count(day, code)).toList()));
        }
        Map<String, Object> axis = Map.of("stacked", true, "grid", Map.of("display", false));
        Map<String, Object> counts = Map.of("stacked", true, "beginAtZero", true, "ticks", Map.of("precision", 0));
        return chart("bar", Map.of("labels", labels, "datasets", datasets), Map.of(
                "maintainAspectRatio", false, "scales", Map.of("x", axis, "y", counts),
                "plugins", Map.of("legend", Map.of("position", "bottom"))));
    }

    /** The average score (1 to 5) by who resolved the conversation; a group with no answers has no bar. */
    public String csatChart() {
        var csat = report.csat();
        List<Double> averages = new ArrayList<>();
        for (Score score : List.of(csat.aiOnly(), csat.handedOver(), csat.teamOnly())) {
            averages.add(score.average());
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", "Average score");
        dataset.put("data", averages);
        dataset.put("backgroundColor", List.of(AGENT, PEOPLE, "#667085"));
        return chart("bar", Map.of("labels", List.of("Agent alone", "Handed over", "Team alone"),
                "datasets", List.of(dataset)), Map.of("maintainAspectRatio", false,
                "scales", Map.of("y", Map.of("min", 0, "max", 5, "ticks", Map.of("stepSize", 1)),
                        "x", Map.of("grid", Map.of("display", false))),
                "plugins", Map.of("legend", Map.of("display", false))));
    }

    private static long count(Day day, String reason) {
        return day.reasons().getOrDefault(reason, 0L);
    }

    private String doughnut(List<String> labels, List<Long> values, List<String> colours) {
        return chart("doughnut", Map.of("labels", labels, "datasets", List.of(Map.of("data", values,
                        "backgroundColor", colours, "borderWidth", 1))),
                Map.of("maintainAspectRatio", false, "cutout", "62%",
                        "plugins", Map.of("legend", Map.of("position", "bottom"))));
    }

    private String chart(String type, Map<String, Object> data, Map<String, Object> options) {
        return json.writeValueAsString(Map.of("type", type, "data", data, "options", options));
    }
}
