package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the site's absolute address in every page's model as {@code siteUrl}, for canonical and OpenGraph tags. */
@ControllerAdvice
class SiteAdvice {

    private final SiteAddress site;

    SiteAdvice(SiteAddress site) {
        this.site = site;
    }

    @ModelAttribute("siteUrl")
    String siteUrl(HttpServletRequest request) {
        return site.base(request);
    }
}
