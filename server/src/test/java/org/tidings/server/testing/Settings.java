package org.tidings.server.testing;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tidings.server.config.TidingsProperties;

/** Tidings' settings as the server binds them: every default, and the {@code tidings.*} keys a test sets. */
public final class Settings {

    private Settings() {}

    public static TidingsProperties defaults() {
        return with(Map.of());
    }

    /** The settings with these keys set, e.g. {@code "tidings.comments.user-burst", "2"}. */
    public static TidingsProperties with(Map<String, String> keys) {
        return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("tidings", TidingsProperties.class);
    }

    /** The defaults with this language model. */
    public static TidingsProperties of(TidingsProperties.Llm llm) {
        TidingsProperties d = defaults();
        return new TidingsProperties(d.dataDir(), d.publicUrl(), d.trustedProxies(), d.database(), d.admin(), d.fetch(),
                d.scheduler(), d.demo(), d.seedDefaultSources(), llm, d.mail(), d.search(), d.comments(), d.retention(), d.pageCache(),
                d.metricsToken(), d.api(), d.images());
    }
}
