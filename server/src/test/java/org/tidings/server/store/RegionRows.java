package org.tidings.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check that {@code article_region} says what the stored values say: for every region there is, the articles
 * listed under it are those the test of the stored values picks (the article's regions as words, or its source's
 * region while it has none, written as the lists wrote it before the rows existed), with their section and time.
 */
final class RegionRows {

    private RegionRows() {}

    /** Asserts the rows agree with the stored values; returns the regions there are. */
    static Set<String> agreeWithStoredValues(JdbcClient jdbc) {
        Set<String> regions = new TreeSet<>(jdbc.sql("SELECT region FROM source WHERE region IS NOT NULL").query(String.class).list());
        regions.addAll(jdbc.sql("SELECT region FROM article_region").query(String.class).list());
        for (String stored : jdbc.sql("SELECT regions FROM article WHERE regions IS NOT NULL").query(String.class).list()) {
            Arrays.stream(stored.split(" ")).filter(word -> !word.isEmpty()).forEach(regions::add);
        }
        for (String region : regions) {
            List<Long> byValues = jdbc.sql("""
                    SELECT a.id FROM article a WHERE (' ' || a.regions || ' ') LIKE :word
                        OR a.regions IS NULL AND a.source_id IN (SELECT id FROM source WHERE region = :region) ORDER BY a.id""")
                    .param("word", "% " + region + " %").param("region", region).query(Long.class).list();
            assertThat(jdbc.sql("SELECT article_id FROM article_region WHERE region = :region ORDER BY article_id")
                    .param("region", region).query(Long.class).list()).as("the articles of region %s", region).isEqualTo(byValues);
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM article_region r JOIN article a ON a.id = r.article_id
                WHERE r.section IS DISTINCT FROM a.section OR r.published_at <> a.published_at""").query(Long.class).single())
                .as("rows with another section or time than their article's").isZero();
        return regions;
    }

    /** Every row, as "article region section time", in order. */
    static List<String> all(JdbcClient jdbc) {
        return jdbc.sql("SELECT article_id, region, section, published_at FROM article_region ORDER BY article_id, region")
                .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getObject(4)).list();
    }
}
