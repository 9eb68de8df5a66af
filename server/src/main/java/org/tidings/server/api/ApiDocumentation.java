package org.tidings.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's OpenAPI 3.1 document ({@code /api/openapi.json}, written by hand beside the controllers; {@code
 * OpenApiDocumentTest} checks it against the OpenAPI schema and against every address the controllers map), and a
 * page for people that is made from it ({@code /api}): plain HTML of the site's own, no script, no third-party request.
 */
@Controller
public class ApiDocumentation {

    static final String DOCUMENT = "api/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    /** One address and method, as the page lists it. */
    public record Operation(String method, String path, String summary, String description, String scope,
            List<Parameter> parameters, String body, List<String> answers) {

        public String anchor() {
            return method + path.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    public record Parameter(String name, String in, boolean required, String type, String description) {}

    private final byte[] document;
    private final String intro;
    private final List<Operation> operations;

    ApiDocumentation(JsonMapper json) {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the API's OpenAPI document is missing from the build", e);
        }
        JsonNode root = json.readTree(document);
        intro = root.path("info").path("description").asString();
        operations = operations(root);
    }

    @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    @GetMapping("/api")
    String page(Model model) {
        model.addAttribute("intro", intro);
        model.addAttribute("operations", operations);
        return "api";
    }

    private static List<Operation> operations(JsonNode root) {
        List<Operation> found = new ArrayList<>();
        JsonNode parameters = root.path("components").path("parameters");
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) continue;
                List<Parameter> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode resolved = p.has("$ref") ? parameters.path(p.path("$ref").asString().replace("#/components/parameters/", "")) : p;
                    params.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                            resolved.path("required").asBoolean(false), type(resolved.path("schema")), resolved.path("description").asString("")));
                }
                String body = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString("")
                        .replace("#/components/schemas/", "");
                List<String> answers = new ArrayList<>();
                op.path("responses").propertyNames().forEach(answers::add);
                found.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), op.path("summary").asString(),
                        op.path("description").asString(""), scope(op.path("security")), params, body.isEmpty() ? null : body, answers));
            }
        }
        return List.copyOf(found);
    }

    /** "none", "read" or "read-write": what the operation's security asks at least. */
    private static String scope(JsonNode security) {
        for (JsonNode requirement : security) if (requirement.isEmpty()) return "none";
        for (JsonNode requirement : security) for (JsonNode role : requirement.path("bearer")) return role.asString();
        return "none";
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        String name = type.isArray() ? type.get(0).asString() : type.asString("");
        return schema.has("format") ? name + " (" + schema.path("format").asString() + ")" : name;
    }
}
