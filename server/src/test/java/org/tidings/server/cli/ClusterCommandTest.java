package org.tidings.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClusterCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Result(int status, List<JsonNode> lines, String err) {
    }

    private static Result run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ClusterCommand.run(List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
        return new Result(status, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesOneLinePerItemInInputOrderWithStoriesAndDuplicates() {
        Result r = run("""
                {"id":"3","title":"Sbarro files for bankruptcy again","published":"2014-03-10T20:40:00Z","publisher":"B"}
                {"id":"1","title":"Pizza chain Sbarro files for bankruptcy","published":"2014-03-10T20:38:00Z","url":"https://a.example/s?utm_source=x","publisher":"A"}
                {"id":"2","title":"Sbarro bankrupt","published":"2014-03-10T20:39:00Z","url":"https://a.example/s/","publisher":"A"}
                {"id":"4","title":"Apple shows a new iPhone","published":"2014-03-10T20:41:00Z"}
                """);
        assertThat(r.status()).isZero();
        assertThat(r.lines()).extracting(n -> n.get("id").asString()).containsExactly("3", "1", "2", "4");
        assertThat(r.lines()).extracting(n -> n.get("story").asString()).containsExactly("1", "1", "1", "4");
        assertThat(r.lines().get(2).get("duplicate_of").asString()).isEqualTo("1");
        assertThat(r.lines().get(0).has("duplicate_of")).isFalse();
    }

    @Test
    void rejectsBadLinesButClustersTheRest() {
        Result r = run("""
                {"id":"1","title":"Sbarro files for bankruptcy","published":"2014-03-10T20:38:00Z"}
                not json at all
                {"title":"no id"}
                {"id":"2"}
                [1,2,3]
                {"id":"1","title":"same id again"}
                {"id":{"deep":{"er":[1]}},"title":"x"}
                {"id":7,"title":"numeric id is fine","published":"yesterday"}

                """);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).extracting(n -> n.get("id").asString()).containsExactly("1", "7");
        assertThat(r.err()).contains("line 2 rejected").contains("line 3 rejected").contains("line 4 rejected")
                .contains("line 5 rejected").contains("line 6 rejected: id 1 already on line 1").contains("line 7 rejected");
    }

    @Test
    void itemsWithoutATimeKeepTheirPlace() {
        Result r = run("""
                {"id":"a","title":"Sbarro files for bankruptcy","published":"2014-03-10T20:38:00Z"}
                {"id":"b","title":"Sbarro files for bankruptcy again"}
                """);
        assertThat(r.lines()).extracting(n -> n.get("story").asString()).containsExactly("a", "a");
    }

    @Test
    void survivesDeepNestingAndTruncatedInput() {
        String deep = "{\"id\":\"x\",\"title\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        Result r = run(deep + "\n{\"id\":\"y\",\"title\":\"ok\"}\n{\"id\":\"z\",\"tit");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).extracting(n -> n.get("id").asString()).containsExactly("y");
    }

    @Test
    void skipsAHugeLineWithoutHoldingIt() {
        String huge = "{\"id\":\"big\",\"title\":\"" + "x".repeat(ClusterCommand.MAX_LINE + 10) + "\"}";
        Result r = run(huge + "\n{\"id\":\"small\",\"title\":\"ok\"}\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("line 1 rejected: line longer than");
        assertThat(r.lines()).extracting(n -> n.get("id").asString()).containsExactly("small");
    }

    @Test
    void checksItsArguments() {
        assertThat(run("", "--window-days", "0").status()).isEqualTo(2);
        assertThat(run("", "--window-days", "abc").status()).isEqualTo(2);
        assertThat(run("", "--bogus").status()).isEqualTo(2);
        Result ok = run("{\"id\":\"1\",\"title\":\"t\"}\n", "--window-days", "7");
        assertThat(ok.status()).isZero();
        assertThat(ok.lines()).hasSize(1);
        assertThat(run("").lines()).isEmpty();
    }
}
