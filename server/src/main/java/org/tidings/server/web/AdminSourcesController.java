package org.tidings.server.web;

import org.tidings.server.i18n.Message;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.tidings.server.pipeline.Pipeline;
import org.tidings.server.sources.SourceRegistration;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceStore;

/** The administrator's source management: add by feed or site URL, import and export OPML, edit, remove, refresh now. */
@Controller
class AdminSourcesController {

    private final SourceStore sources;
    private final Pipeline scheduler;
    private final SourceRegistration registration;

    AdminSourcesController(SourceStore sources, Pipeline scheduler, SourceRegistration registration) {
        this.sources = sources;
        this.scheduler = scheduler;
        this.registration = registration;
    }

    @GetMapping("/admin/sources")
    String list(Model model) {
        model.addAttribute("sources", sources.findAll());
        model.addAttribute("form", SourceForm.empty());
        model.addAttribute("problem", null);
        return "admin-sources";
    }

    @PostMapping("/admin/sources")
    String add(@ModelAttribute SourceForm form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Message problem = form.problem();
        if (problem == null && sources.findByFeedUrl(form.feedUrl().strip()).isPresent()) {
            problem = Message.of("admin.problem.known");
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("sources", sources.findAll());
            model.addAttribute("form", form);
            model.addAttribute("problem", problem);
            return "admin-sources";
        }
        SourceRegistration.Added added;
        try {
            added = registration.add(form.toSettings());
        } catch (SourceRegistration.Refused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("sources", sources.findAll());
            model.addAttribute("form", form);
            model.addAttribute("problem", refused.reason());
            return "admin-sources";
        }
        scheduler.refreshNow();
        flash.addFlashAttribute("notice", Message.of("admin.notice.added", added.source().name()));
        if (added.note() != null) flash.addFlashAttribute("detail", added.note());
        return "redirect:/admin/sources";
    }

    @PostMapping("/admin/sources/import")
    String importOpml(@RequestParam("opml") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("notice", Message.of("admin.notice.chooseFile"));
            return "redirect:/admin/sources";
        }
        SourceRegistration.Imported result = registration.importOpml(file.getBytes());
        scheduler.refreshNow();
        flash.addFlashAttribute("notice", result.invalid() > 0
                ? Message.of("admin.notice.importedInvalid", result.added(), result.known(), result.invalid())
                : Message.of("admin.notice.imported", result.added(), result.known()));
        return "redirect:/admin/sources";
    }

    @GetMapping(value = "/admin/sources.opml")
    ResponseEntity<byte[]> exportOpml() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tidings-sources.opml\"")
                .contentType(MediaType.parseMediaType("text/x-opml; charset=utf-8"))
                .body(registration.exportOpml());
    }

    @GetMapping("/admin/sources/{id}")
    String edit(@PathVariable("id") long id, Model model, HttpServletResponse response) {
        Optional<Source> found = sources.findById(id);
        if (found.isEmpty()) return NotFound.page(response, model, noSource(id));
        Source source = found.get();
        model.addAttribute("source", source);
        model.addAttribute("form", SourceForm.of(source));
        model.addAttribute("problem", null);
        return "admin-source";
    }

    @PostMapping("/admin/sources/{id}")
    String update(@PathVariable("id") long id, @ModelAttribute SourceForm form, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Optional<Source> found = sources.findById(id);
        if (found.isEmpty()) return NotFound.page(response, model, noSource(id));
        Source source = found.get();
        Message problem = form.problem();
        if (problem == null) {
            problem = sources.findByFeedUrl(form.feedUrl().strip()).filter(other -> other.id() != id)
                    .map(other -> Message.of("admin.problem.otherHasUrl", other.name())).orElse(null);
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("source", source);
            model.addAttribute("form", form);
            model.addAttribute("problem", problem);
            return "admin-source";
        }
        sources.update(id, form.toSettings());
        flash.addFlashAttribute("notice", Message.of("admin.notice.saved", form.toSettings().name()));
        return "redirect:/admin/sources";
    }

    @PostMapping("/admin/sources/{id}/delete")
    String delete(@PathVariable("id") long id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Optional<Source> source = sources.findById(id);
        if (source.isEmpty()) return NotFound.page(response, model, noSource(id));
        sources.delete(id);
        flash.addFlashAttribute("notice", Message.of("admin.notice.removed", source.get().name()));
        return "redirect:/admin/sources";
    }

    @PostMapping("/admin/sources/{id}/refresh")
    String refresh(@PathVariable("id") long id, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Optional<Source> source = sources.findById(id);
        if (source.isEmpty()) return NotFound.page(response, model, noSource(id));
        sources.makeDue(id);
        scheduler.refreshNow();
        flash.addFlashAttribute("notice", Message.of("admin.notice.refreshing", source.get().name()));
        return "redirect:/admin/sources";
    }

    private static Message noSource(long id) {
        return Message.of("admin.problem.noSource", id);
    }
}
