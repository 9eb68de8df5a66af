package org.tidings.server.sources;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.i18n.Message;
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.site.NotFound;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** The publishers, for readers, and the administrator's management of the sources with their health. */
@Controller
record SourcesController(SourceStore sources, Pipeline pipeline, SourceRegistration registration) {

    /** Readers' directory of the publishers that are followed; their feeds' addresses and errors are the operator's. */
    @GetMapping("/sources")
    String directory(Model model) {
        model.addAttribute("sources", sources.findAll().stream().filter(Source::listed).toList());
        return "sources";
    }

    @GetMapping("/admin/sources")
    String list(Model model) {
        return formPage(model, "admin-sources", "sources", sources.findAll(), SourceForm.empty(), null);
    }

    @PostMapping("/admin/sources")
    String add(@ModelAttribute SourceForm form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Message problem = form.problem() != null ? form.problem() : sources.findByFeedUrl(form.feedUrl().strip())
                .map(known -> Message.of("admin.problem.known")).orElse(null);
        if (problem == null) {
            try {
                SourceRegistration.Added added = registration.add(form.toSettings(), form.confirmed());
                pipeline.refreshNow();
                if (added.note() != null) flash.addFlashAttribute("detail", added.note());
                return done(flash, "admin.notice.added", added.source().name());
            } catch (SourceRegistration.Refused refused) {
                problem = refused.reason();
                // the question "add it anyway?", answered by a button that sends this very address back
                model.addAttribute("confirm", refused.confirmable());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return formPage(model, "admin-sources", "sources", sources.findAll(), form, problem);
    }

    @PostMapping("/admin/sources/import")
    String importOpml(@RequestParam("opml") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) return done(flash, "admin.notice.chooseFile");
        SourceRegistration.Imported result = registration.importOpml(file.getBytes());
        pipeline.refreshNow();
        if (!result.unsectioned().isEmpty()) {
            flash.addFlashAttribute("detail", Message.of("admin.notice.noSection", result.unsectioned().size(),
                    String.join(", ", result.unsectioned().values().stream().distinct().toList())));
        }
        return result.invalid() > 0 ? done(flash, "admin.notice.importedInvalid", result.added(), result.known(), result.invalid())
                : done(flash, "admin.notice.imported", result.added(), result.known());
    }

    @GetMapping("/admin/sources.opml")
    ResponseEntity<byte[]> exportOpml() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tidings-sources.opml\"")
                .contentType(MediaType.parseMediaType("text/x-opml; charset=utf-8"))
                .body(registration.exportOpml());
    }

    @GetMapping("/admin/sources/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        Source source = source(id);
        return formPage(model, "admin-source", "source", source, SourceForm.of(source), null);
    }

    @PostMapping("/admin/sources/{id}")
    String update(@PathVariable("id") long id, @ModelAttribute SourceForm form, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Source source = source(id);
        Message problem = form.problem() != null ? form.problem() : sources.findByFeedUrl(form.feedUrl().strip())
                .filter(other -> other.id() != id).map(other -> Message.of("admin.problem.otherHasUrl", other.name()))
                .orElse(null);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(model, "admin-source", "source", source, form, problem);
        }
        sources.update(id, form.toSettings());
        return done(flash, "admin.notice.saved", form.toSettings().name());
    }

    /** The page {@code view} with {@code subject} (the sources, or the source edited), the form and its problem (or null). */
    private static String formPage(Model model, String view, String subject, Object value, SourceForm form, Message problem) {
        model.addAttribute(subject, value);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return view;
    }

    @PostMapping("/admin/sources/{id}/delete")
    String delete(@PathVariable("id") long id, RedirectAttributes flash) {
        Source source = source(id);
        sources.delete(id);
        return done(flash, "admin.notice.removed", source.name());
    }

    @PostMapping("/admin/sources/{id}/refresh")
    String refresh(@PathVariable("id") long id, RedirectAttributes flash) {
        Source source = source(id);
        sources.makeDue(id);
        pipeline.refreshNow();
        return done(flash, "admin.notice.refreshing", source.name());
    }

    /** Puts a feed a reader subscribed to on the edition's pages and in its search. */
    @PostMapping("/admin/sources/{id}/publish")
    String publish(@PathVariable("id") long id, RedirectAttributes flash) {
        Source source = source(id);
        sources.publish(id);
        return done(flash, "admin.notice.published", source.name());
    }

    private Source source(long id) {
        return sources.findById(id).orElseThrow(() -> new NotFound("admin.problem.noSource", id));
    }

    /** Back to the list, with a sentence saying what was done. */
    private static String done(RedirectAttributes flash, String key, Object... args) {
        flash.addFlashAttribute("notice", Message.of(key, args));
        return "redirect:/admin/sources";
    }
}
