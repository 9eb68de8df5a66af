package org.tidings.server.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;

/**
 * On the first start (no sources yet, not the demo), registers public feeds of real publishers in several
 * regions and languages. Without internet each shows its error on the sources page and is retried with back-off.
 */
@Component
@Order(20)
record DefaultSources(SourceStore sources, TidingsProperties properties) implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultSources.class);
    static final String RESOURCE = "/sources/default-sources.tsv";

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.demo() || !properties.seedDefaultSources() || sources.count() > 0) return;
        List<SourceSettings> defaults = load();
        for (SourceSettings s : defaults) sources.add(s, properties.scheduler().defaultInterval());
        log.atInfo().addKeyValue("event", "default_sources_registered").addKeyValue("count", defaults.size())
                .log("registered {} default sources", defaults.size());
    }

    /** Columns: name, feed URL, site URL, language, region, section. Lines starting with # are comments. */
    static List<SourceSettings> load() throws IOException {
        try (InputStream in = DefaultSources.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
                        String[] f = line.split("\t");
                        if (f.length != 6) throw new IllegalStateException(RESOURCE + ": expected 6 columns in: " + line);
                        return new SourceSettings(f[1], f[0], f[2], f[3], f[4], f[5], true, true);
                    }).toList();
        }
    }
}
