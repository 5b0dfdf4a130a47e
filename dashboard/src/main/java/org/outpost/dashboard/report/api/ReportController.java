package org.outpost.dashboard.report.api;

import java.net.URI;
import java.util.List;
import org.outpost.alerts.report.InvalidReportException;
import org.outpost.alerts.report.Report;
import org.outpost.alerts.report.ReportBusyException;
import org.outpost.alerts.report.ReportReadOnlyException;
import org.outpost.alerts.report.ReportRunLimitException;
import org.outpost.alerts.report.ReportService;
import org.outpost.dashboard.article.QueryPolicy;
import org.outpost.dashboard.report.ReportCallers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reports}: scheduled summary reports, their runs (HTML, PDF) and running one now.
 * Another user's report answers 404, as if it did not exist; viewers read, and get 403 on changes.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    /** The stored report is our own markup: no scripts, images only inline. */
    private static final String REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private final ReportService reports;
    private final QueryPolicy policy;

    ReportController(ReportService reports, QueryPolicy policy) {
        this.reports = reports;
        this.policy = policy;
    }

    private ReportService.Caller caller(Authentication user) {
        return ReportCallers.of(user, policy.limits(user));
    }

    @GetMapping
    List<ReportJson.Response> list(Authentication user) {
        ReportService.Caller caller = caller(user);
        return reports.list(caller).stream().map(r -> response(r, caller)).toList();
    }

    @PostMapping
    ResponseEntity<ReportJson.Response> create(@RequestBody ReportJson.Request request, Authentication user) {
        ReportService.Caller caller = caller(user);
        Report report = reports.create(request.definition(), caller);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id()))
                .body(response(report, caller));
    }

    @GetMapping("/{id}")
    ReportJson.Response get(@PathVariable long id, Authentication user) {
        ReportService.Caller caller = caller(user);
        return response(reports.get(id, caller), caller);
    }

    @PutMapping("/{id}")
    ReportJson.Response update(@PathVariable long id, @RequestBody ReportJson.Request request, Authentication user) {
        ReportService.Caller caller = caller(user);
        return response(reports.update(id, request.definition(), caller), caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication user) {
        reports.delete(id, caller(user));
    }

    /** Renders the period up to now in the background: 202 with the run's id; its HTML is there when it finishes. */
    @PostMapping("/{id}/run")
    ResponseEntity<ReportJson.Started> run(@PathVariable long id, Authentication user) {
        long runId = reports.runNow(id, caller(user));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/reports/" + id + "/runs/" + runId))
                .body(new ReportJson.Started(runId, "running"));
    }

    @GetMapping("/{id}/runs")
    List<ReportJson.Run> runs(
            @PathVariable long id, @RequestParam(defaultValue = "20") int limit, Authentication user) {
        return reports.runs(id, caller(user), limit).stream()
                .map(ReportJson.Run::of)
                .toList();
    }

    @GetMapping("/{id}/runs/{runId}")
    ResponseEntity<String> html(@PathVariable long id, @PathVariable long runId, Authentication user) {
        String html = reports.html(id, runId, caller(user));
        return ResponseEntity.ok()
                .header("Content-Security-Policy", REPORT_CSP)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    @GetMapping("/{id}/runs/{runId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long runId, Authentication user) {
        byte[] pdf = reports.pdf(id, runId, caller(user));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("report-" + id + "-run-" + runId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid report", e.getMessage());
        problem.setProperty("field", e.field());
        return problemResponse(problem);
    }

    @ExceptionHandler(ReportBusyException.class)
    ResponseEntity<ProblemDetail> busy(ReportBusyException e) {
        return problemResponse(problem(HttpStatus.CONFLICT, "Run in progress", e.getMessage()));
    }

    /** 429 with the seconds until the oldest run of the window leaves it. */
    @ExceptionHandler(ReportRunLimitException.class)
    ResponseEntity<ProblemDetail> tooManyRuns(ReportRunLimitException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many runs", e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ReportReadOnlyException.class)
    ResponseEntity<ProblemDetail> readOnly(ReportReadOnlyException e) {
        return problemResponse(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    /** As problem JSON even when the request asked for HTML or PDF. */
    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("message", detail);
        return problem;
    }

    private ReportJson.Response response(Report report, ReportService.Caller caller) {
        return ReportJson.Response.of(
                report, reports.lastRun(report.id(), caller).orElse(null));
    }
}
