package org.outpost.dashboard.source.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.outpost.crawler.SourceService;
import org.outpost.dashboard.audit.Auditing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sources}: what Outpost crawls, how each source is doing, and running one now. */
@RestController
@RequestMapping("/api/v1/sources")
class SourceController {

    private final SourceService sources;
    private final ApplicationEventPublisher events;

    SourceController(SourceService sources, ApplicationEventPublisher events) {
        this.sources = sources;
        this.events = events;
    }

    @GetMapping
    List<SourceJson.Response> list() {
        return sources.list().stream().map(SourceJson.Response::of).toList();
    }

    @PostMapping
    ResponseEntity<SourceJson.Response> create(@RequestBody SourceJson.Request request, Authentication user) {
        long id = sources.create(request.definition(), editor(user)).id();
        events.publishEvent(Auditing.event(user.getName(), "SOURCE_CREATED", "source", id, "name", request.name()));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + id))
                .body(SourceJson.Response.of(sources.status(id)));
    }

    @GetMapping("/{id}")
    SourceJson.Response get(@PathVariable long id) {
        return SourceJson.Response.of(sources.status(id));
    }

    @PutMapping("/{id}")
    SourceJson.Response update(@PathVariable long id, @RequestBody SourceJson.Request request, Authentication user) {
        sources.update(id, request.definition(), editor(user));
        events.publishEvent(Auditing.event(user.getName(), "SOURCE_CHANGED", "source", id, "name", request.name()));
        return SourceJson.Response.of(sources.status(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication user) {
        String name = sources.status(id).source().name();
        sources.delete(id);
        events.publishEvent(Auditing.event(user.getName(), "SOURCE_DELETED", "source", id, "name", name));
    }

    /** Starts a run in the background: 202, and the runs list shows it. */
    @PostMapping("/{id}/run")
    ResponseEntity<Void> run(@PathVariable long id) {
        sources.runNow(id);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/sources/" + id + "/runs"))
                .build();
    }

    @GetMapping("/{id}/runs")
    List<SourceJson.RunWithErrors> runs(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be between 1 and 200, was " + limit);
        }
        return sources.runs(id, limit).stream()
                .map(run -> new SourceJson.RunWithErrors(
                        SourceJson.Run.of(run),
                        sources.errors(run.id(), 50).stream()
                                .map(e -> new SourceJson.Error(e.runId(), e.url(), e.kind(), e.reason(), e.at()))
                                .toList()))
                .toList();
    }

    /** Every source as OPML 2.0 (name, type, address), for feed readers and other Outposts. */
    @GetMapping(
            value = "/opml",
            produces = {"text/x-opml", "application/xml"})
    ResponseEntity<String> exportOpml() {
        return ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "x-opml", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"outpost-sources.opml\"")
                .body(sources.exportOpml());
    }

    /** What importing this OPML file (the request body) would do: new, present, invalid with the reason. Changes nothing. */
    @PostMapping("/opml/preview")
    SourceJson.OpmlResult previewOpml(@RequestBody String opml, Authentication user) {
        return SourceJson.OpmlResult.of(readable(() -> sources.previewOpml(opml, editor(user))), false);
    }

    /** Adds the new sources of this OPML file (the request body); the others are reported, not changed. */
    @PostMapping("/opml")
    SourceJson.OpmlResult importOpml(@RequestBody String opml, Authentication user) {
        SourceJson.OpmlResult result =
                SourceJson.OpmlResult.of(readable(() -> sources.importOpml(opml, editor(user))), true);
        result.entries().stream()
                .filter(e -> e.status().equals("new") && e.sourceId() != null)
                .forEach(e -> events.publishEvent(Auditing.event(
                        user.getName(), "SOURCE_CREATED", "source", e.sourceId(), "name", e.name(), "from", "opml")));
        return result;
    }

    private static org.outpost.crawler.opml.OpmlPreview readable(
            java.util.function.Supplier<org.outpost.crawler.opml.OpmlPreview> read) {
        try {
            return read.get();
        } catch (org.outpost.crawler.opml.InvalidOpmlException e) {
            throw new IllegalArgumentException("the body is not an OPML file Outpost can read: " + e.getMessage(), e);
        }
    }

    private static SourceService.Editor editor(Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new SourceService.Editor(user.getName(), admin);
    }
}
