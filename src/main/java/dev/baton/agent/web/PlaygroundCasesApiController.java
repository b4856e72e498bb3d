package dev.baton.agent.web;

import dev.baton.account.CurrentAccount;
import dev.baton.agent.internal.TestCase;
import dev.baton.agent.internal.TestCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Regression cases for the agent: save them (from a playground session or whole), run them, read the report. */
@Tag(name = "Playground", description = "Try the agent safely, with the trace of every reply")
@RestController
class PlaygroundCasesApiController {

    private final TestCases cases;
    private final CurrentAccount account;

    PlaygroundCasesApiController(TestCases cases, CurrentAccount account) {
        this.cases = cases;
        this.account = account;
    }

    @Operation(summary = "The account's test cases")
    @GetMapping("/api/v1/playground/cases")
    List<TestCase> list() {
        return cases.list(account.id());
    }

    @Operation(summary = "Add a test case: shopper messages and what the replies must show")
    @PostMapping("/api/v1/playground/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> create(@RequestBody NewCase request) {
        return Map.of("id", cases.save(account.id(), request.name(), request.messages(), request.expect()));
    }

    @Operation(summary = "Save a playground session as a test case, with what the replies must show")
    @PostMapping("/api/v1/playground/sessions/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> saveSession(@PathVariable UUID id, @RequestBody SessionCase request) {
        return Map.of("id", cases.saveSession(account.id(), id, request.name(), request.expect()));
    }

    @Operation(summary = "Delete a test case")
    @DeleteMapping("/api/v1/playground/cases/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        cases.delete(account.id(), id);
    }

    @Operation(summary = "Run every test case against the current sources and model; a pass/fail report per case")
    @PostMapping("/api/v1/playground/cases/run")
    Report run() {
        List<TestCase.Result> results = cases.runAll(account.id());
        long passed = results.stream().filter(TestCase.Result::passed).count();
        return new Report(passed, results.size() - passed, results);
    }

    record NewCase(String name, List<String> messages, TestCase.Expectations expect) {
    }

    record SessionCase(String name, TestCase.Expectations expect) {
    }

    record Report(long passed, long failed, List<TestCase.Result> results) {
    }
}
