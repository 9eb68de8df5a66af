package org.tidings.server.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tidings.server.config.TidingsProperties;

/** The site's absolute address, for feeds, the site map and OpenGraph tags: as configured, else as requested. */
@Component
public class SiteAddress {

    private final String publicUrl;

    SiteAddress(TidingsProperties properties) {
        String url = properties.publicUrl().strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String base(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) return publicUrl;
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).replaceQuery(null).build().toUriString();
    }
}
