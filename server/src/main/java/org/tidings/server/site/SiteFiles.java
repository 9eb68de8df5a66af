package org.tidings.server.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The site's own files (its styles, script and icons, under {@code /static/}), answered from memory. Read from the
 * packaged jar at each request, as Spring serves them by default, a file cost a lookup in the jar under a lock that
 * every request for a file waited on: 300 requests a second for the style sheet where a cached page is served at
 * thousands. A file is read once, when first asked for; the files are few and small, and a path that names none is
 * not remembered.
 */
@Configuration
class SiteFiles implements WebMvcConfigurer {

    /** Browsers keep a file an hour: its address does not change with a new release. */
    static final Duration BROWSER_CACHE = Duration.ofHours(1);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(BROWSER_CACHE)).resourceChain(false).addResolver(new InMemory());
    }

    /** Each file found by the resolvers after it, kept in memory with its name and time. */
    private static final class InMemory implements ResourceResolver {
        private final Map<String, Resource> files = new ConcurrentHashMap<>();

        @Override
        public Resource resolveResource(HttpServletRequest request, String path, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            Resource kept = files.get(path);
            if (kept != null) return kept;
            Resource found = chain.resolveResource(request, path, locations);
            if (found == null) return null;
            Resource read = Kept.of(found);
            files.put(path, read);
            return read;
        }

        @Override
        public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(path, locations);
        }
    }

    /** A file's bytes, with the name its type is told by and the time of its last change. */
    private static final class Kept extends ByteArrayResource {
        private final String filename;
        private final long lastModified;

        private Kept(byte[] bytes, String filename, long lastModified) {
            super(bytes, filename);
            this.filename = filename;
            this.lastModified = lastModified;
        }

        static Kept of(Resource file) {
            try {
                return new Kept(file.getContentAsByteArray(), file.getFilename(), file.lastModified());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the site's file " + file.getDescription(), e);
            }
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Kept kept && kept.filename.equals(filename) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
