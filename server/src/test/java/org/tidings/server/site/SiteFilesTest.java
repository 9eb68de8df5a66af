package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.RunningServer;

/** The site's own files, answered from memory: each with its type, its bytes, an hour in the browser, and no other path. */
class SiteFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void theSiteFilesAreServedWithTheirTypesAndNothingElseIs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (RunningServer server = RunningServer.start(dataDir)) {
            for (String[] file : new String[][] {{"app.css", "text/css"}, {"app.js", "text/javascript"}, {"icon-192.png", "image/png"},
                    {"icon.svg", "image/svg+xml"}}) {
                byte[] packaged = Files.readAllBytes(Path.of("src/main/resources/static", file[0]));
                for (int asked = 0; asked < 2; asked++) { // read from the jar, then from memory
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(server.url("/static/" + file[0]))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(answer.statusCode()).as(file[0]).isEqualTo(200);
                    assertThat(answer.body()).as(file[0]).isEqualTo(packaged);
                    assertThat(answer.headers().firstValue("Content-Type")).get().asString().as(file[0]).startsWith(file[1]);
                    assertThat(answer.headers().firstValue("Cache-Control")).get().asString().contains("max-age=3600");
                    String modified = answer.headers().firstValue("Last-Modified").orElseThrow();
                    HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(server.url("/static/" + file[0])))
                            .header("If-Modified-Since", modified).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(again.statusCode()).as("not modified: " + file[0]).isEqualTo(304);
                }
            }
            for (String path : new String[] {"/static/missing.css", "/static/../application.properties", "/static/%2e%2e/application.properties",
                    "/static/", "/app.css"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isIn(400, 404);
                assertThat(answer.body()).as(path).doesNotContain("spring.application.name");
            }
        }
    }
}
