package dev.baton.analytics.web;

import dev.baton.account.CurrentAccount;
import dev.baton.analytics.internal.AnalyticsReports;
import dev.baton.analytics.internal.ReportPeriod;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

import java.util.UUID;

/**
 * The Analytics page: a period (the last 30 days unless the form says otherwise), the headline figures, charts and
 * the per-stage table. Dates the form cannot use are said so above the default period's figures.
 */
@Controller
@RequestMapping("/analytics")
class AnalyticsPageController {

    private final AnalyticsReports reports;
    private final CurrentAccount account;
    private final ObjectMapper json;

    AnalyticsPageController(AnalyticsReports reports, CurrentAccount account, ObjectMapper json) {
        this.reports = reports;
        this.account = account;
        this.json = json;
    }

    @GetMapping
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        UUID accountId = account.id();
        ReportPeriod lastDays = reports.period(accountId, null, null);
        ReportPeriod period = lastDays;
        try {
            period = reports.period(accountId, from, to);
        } catch (BatonException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("view", new AnalyticsView(reports.report(accountId, period), period.zone().getId(),
                lastDays.to(), json));
        return "analytics/index";
    }
}
