package org.tidings.server.api;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tidings.server.testing.RunningServer;

/**
 * Every address and method the running server's controllers map under {@code /api/v1}, as "GET /api/v1/articles/{id}",
 * read from the handler mappings the dispatcher uses (it has served a request by the time a test asks).
 */
final class ApiRoutes {

    private ApiRoutes() {}

    static Set<String> mapped(RunningServer server) {
        Set<String> routes = new TreeSet<>();
        server.bean(DispatcherServlet.class).getHandlerMappings().stream()
                .filter(RequestMappingHandlerMapping.class::isInstance).map(RequestMappingHandlerMapping.class::cast)
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream()).forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) continue;
                info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern));
            }
        });
        return routes;
    }
}
