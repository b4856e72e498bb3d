package dev.baton.analytics.web;

import dev.baton.account.CurrentAccount;
import dev.baton.analytics.internal.AnalyticsReport;
import dev.baton.analytics.internal.AnalyticsReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Analytics page's figures as JSON. */
@Tag(name = "Analytics", description = "Resolved by the agent or by people, handovers, waits, SLA, stages, CSAT")
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsApiController {

    private final AnalyticsReports reports;
    private final CurrentAccount account;

    AnalyticsApiController(AnalyticsReports reports, CurrentAccount account) {
        this.reports = reports;
        this.account = account;
    }

    @Operation(summary = "The figures of a period: from and to as YYYY-MM-DD, both included, in the account's time "
            + "zone (default: the last 30 days; at most 366 days)")
    @GetMapping
    AnalyticsReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reports.report(account.id(), reports.period(account.id(), from, to));
    }
}
