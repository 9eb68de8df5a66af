package org.tidings.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.DatabaseCut;
import org.tidings.server.testing.RunningServer;

/** What readers get while PostgreSQL is away: a real server whose database connections are cut. */
class DatabaseOutageTest {

    /** Far below the pool's 30 s wait for a connection: an answer that needed the database would not come in time. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @Test
    void staticFilesAreServedWithoutTheDatabase(@TempDir Path data) throws Exception {
        try (DatabaseCut database = new DatabaseCut(); RunningServer server = RunningServer.start(data, database.serverArguments())) {
            database.cut();
            HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();
            for (String file : new String[] {"/static/app.css", "/static/app.css"}) {
                HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(server.url(file))).timeout(PROMPT).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(css.statusCode()).isEqualTo(200);
                assertThat(css.body()).contains("{").contains("}");
            }
            database.restore();
        }
    }
}
