package org.tidings.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;
import org.tidings.server.testing.RunningServer;

/**
 * The API's OpenAPI document as a server serves it: valid OpenAPI 3.1 by the OpenAPI tools' own parser, listing exactly
 * the addresses and methods the controllers map (a new address without documentation fails here), and the page made
 * from it. Its subject is the document and the mappings, not stored data: one server on the embedded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    Path dataDir;
    RunningServer server;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("tidings-openapi");
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
    }

    @AfterAll
    void stop() {
        server.close();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        HttpResponse<String> served = server.get("/api/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        SwaggerParseResult result = parse(served.body());
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    /** The validator finds faults: a document without its info, or pointing at a schema it lacks, is refused. */
    @Test
    void theValidatorRefusesABrokenDocument() {
        String document = server.get("/api/openapi.json").body();
        assertThat(parse(document.replaceFirst("\"info\"", "\"infos\"")).getMessages()).isNotEmpty();
        assertThat(parse(document.replace("#/components/schemas/Article\"", "#/components/schemas/Articel\"")).getMessages())
                .anyMatch(m -> m.contains("Articel"));
    }

    @Test
    void everyMappedAddressIsDocumentedAndNothingElse() {
        server.get("/api/v1/sections"); // the dispatcher sets up its mappings with its first request
        OpenAPI api = parse(server.get("/api/openapi.json").body()).getOpenAPI();
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().keySet().forEach(method -> documented.add(method.name() + " " + path.getKey()));
        }
        assertThat(documented).isEqualTo(ApiRoutes.mapped(server));
    }

    @Test
    void theReferencePageListsEveryAddressAndAsksNoOtherSite() {
        OpenAPI api = parse(server.get("/api/openapi.json").body()).getOpenAPI();
        HttpResponse<String> page = server.get("/api");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("h1").text()).isEqualTo("API for apps and scripts");
        for (String path : api.getPaths().keySet()) assertThat(html.select("section.api-operation h2").text()).contains(path);
        assertThat(html.select("section.api-operation")).hasSize(ApiRoutes.mapped(server).size());
        assertThat(html.select("[src^=http], link[href^=http]")).isEmpty();
        assertThat(server.get("/api?lang=ar").body()).contains("واجهة برمجية للتطبيقات والبرامج", "dir=\"rtl\"");
    }
}
