package org.tidings.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests, over real HTTP: it answers
 * {@code POST /v1/chat/completions} with whatever the test's script says for the prompt it got
 * (a correct answer, a partly invented one, malformed JSON, an error status, or a slow answer).
 */
public final class FakeLanguageModel implements AutoCloseable {

    /** One reply: status, raw body, and a delay before it is sent. */
    public record Reply(int status, String body, long delayMillis) {
        /** A well-formed completion whose message content is {@code text}. */
        public static Reply says(String text) {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
            ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion");
            root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").set("message", message);
            return new Reply(200, JSON.writeValueAsString(root), 0);
        }

        public static Reply raw(int status, String body) {
            return new Reply(status, body, 0);
        }

        public Reply after(long millis) {
            return new Reply(status, body, millis);
        }
    }

    /** A request as the server received it: the Authorization header and the parsed JSON body. */
    public record Received(String authorization, JsonNode body) {
        public String model() {
            return body.path("model").asString();
        }

        public String userMessage() {
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asString())) return m.path("content").asString();
            }
            return "";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> script = r -> Reply.raw(500, "no script");

    public FakeLanguageModel() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** What the server answers from now on, given the request. */
    public FakeLanguageModel answering(Function<Received, Reply> script) {
        this.script = script;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    JSON.readTree(exchange.getRequestBody().readAllBytes()));
            received.add(request);
            Reply reply = script.apply(request);
            if (reply.delayMillis() > 0) Thread.sleep(reply.delayMillis());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
