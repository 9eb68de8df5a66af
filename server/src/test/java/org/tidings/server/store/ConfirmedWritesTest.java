package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.ServerProcess;

/** A write the server has confirmed survives a crash of its process: the embedded database, killed with SIGKILL. */
class ConfirmedWritesTest {

    private static final String PASSWORD = "tidal pools at dawn";

    @Test
    void anAccountConfirmedJustBeforeAKillIsThereAfterTheRestart(@TempDir Path work) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        String email = "reader-" + UUID.randomUUID() + "@example.test";
        try (ServerProcess server = ServerProcess.start(data)) {
            var signUp = server.browser().post("/signup", Map.of("email", email, "displayName", "Nadia", "password", PASSWORD),
                    "/signup");
            assertThat(signUp.statusCode()).as("confirmed").isEqualTo(302);
            server.kill();
        }
        try (ServerProcess again = ServerProcess.start(data)) {
            Browser b = again.browser();
            var signIn = b.post("/login", Map.of("username", email, "password", PASSWORD), "/login");
            assertThat(signIn.headers().firstValue("Location").orElse("")).as("signed in after the crash")
                    .doesNotContain("/login");
        }
    }
}
