package org.tidings.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates in the forms feeds and pages really use, normalized to UTC. */
class DateReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // RFC 822 / 1123 / 2822 and sloppy variants
        "Tue, 10 Jun 2003 04:00:00 GMT            | 2003-06-10T04:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 +0200          | 2003-06-10T02:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 -05:30         | 2003-06-10T09:30:00Z",
        "10 Jun 2003 04:00:00 GMT                 | 2003-06-10T04:00:00Z",
        "Tue, 10 Jun 03 04:00:00 GMT              | 2003-06-10T04:00:00Z",
        "Tue, 10 Jun 99 04:00:00 GMT              | 1999-06-10T04:00:00Z",
        "Tue, 1 Jun 2003 04:00 GMT                | 2003-06-01T04:00:00Z",
        "Tue, 10 June 2003 04:00:00 EDT           | 2003-06-10T08:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 PST            | 2003-06-10T12:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 UT             | 2003-06-10T04:00:00Z",
        "Tue,10 Jun 2003 04:00:00 CEST            | 2003-06-10T02:00:00Z",
        "Tue, 10 Jun 2003 04:00:00                | 2003-06-10T04:00:00Z",
        "Tue, 10 Jun 2003                         | 2003-06-10T00:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 GMT+2          | 2003-06-10T02:00:00Z",
        "Tuesday, June 10, 2003 4:00 PM           | 2003-06-10T16:00:00Z",
        "June 10th, 2003                          | 2003-06-10T00:00:00Z",
        "Wednesday, 02-Nov-05 01:23:45 GMT        | 2005-11-02T01:23:45Z",
        "Thu (I hate thursdays), 16(th) Feb(ruary) 2006 01:39 +0000 (GMT) | 2006-02-16T01:39:00Z",
        "Thu, 04 Jul 1776 18:30:02 GMT            | 1776-07-04T18:30:02Z",
        // asctime and Unix date
        "Sun Nov  6 08:49:37 1994                 | 1994-11-06T08:49:37Z",
        "Sat Jun 14 16:05:02 EST 2003             | 2003-06-14T21:05:02Z",
        // ISO 8601 / W3C-DTF variants
        "2003-12-13T18:30:02Z                     | 2003-12-13T18:30:02Z",
        "2003-12-13T18:30:02.25+01:00             | 2003-12-13T17:30:02.25Z",
        "2003-12-13T18:30:02-0800                 | 2003-12-14T02:30:02Z",
        "2003-12-13T18:30Z                        | 2003-12-13T18:30:00Z",
        "2003-12-13 18:30:02                      | 2003-12-13T18:30:02Z",
        "2003-12-13T18:30:02                      | 2003-12-13T18:30:02Z",
        "20031213T183002Z                         | 2003-12-13T18:30:02Z",
        "2003-12-13                               | 2003-12-13T00:00:00Z",
        "2003-12                                  | 2003-12-01T00:00:00Z",
        "2003                                     | 2003-01-01T00:00:00Z",
        "2004-02-28 18:14:55 GMT                  | 2004-02-28T18:14:55Z",
        // non-English day and month names, numeric and CJK forms
        "Di, 10 Jun 2003 04:00:00 +0200           | 2003-06-10T02:00:00Z",
        "mar., 10 juin 2003 04:00:00 +0200        | 2003-06-10T02:00:00Z",
        "Mi, 12 Mär 2003 10:00:00 GMT             | 2003-03-12T10:00:00Z",
        "jueves, 12 dic 2002 10:00:00 +0100       | 2002-12-12T09:00:00Z",
        "Пн, 12 янв 2004 10:00:00 +0300           | 2004-01-12T07:00:00Z",
        "13/12/2003 18:30                         | 2003-12-13T18:30:00Z",
        "2003/12/13 18:30:02                      | 2003-12-13T18:30:02Z",
        "2004年5月28日 01:31:15                    | 2004-05-28T01:31:15Z",
        "2004년 05월 28일 오후 01:31:15              | 2004-05-28T13:31:15Z",
        // what page metadata writes (JSON-LD, meta tags, <time datetime>)
        "2026-11-23                               | 2026-11-23T00:00:00Z",
        "2021-11-01T10:52:50+0100                 | 2021-11-01T09:52:50Z",
        "2019-04-28 06:01:07                      | 2019-04-28T06:01:07Z",
        "2015-03-27T13:07:55.096Z                 | 2015-03-27T13:07:55.096Z",
        "Mon, 23 Nov 2026 08:00:00 GMT            | 2026-11-23T08:00:00Z",
        // only pages read these before the two readers were one: epoch numbers, an ISO date-time with a tail
        "1764000000                               | 2025-11-24T16:00:00Z",
        "1764000000123                            | 2025-11-24T16:00:00.123Z",
        "2020-05-01T12:00:00Z[UTC]                | 2020-05-01T12:00:00Z",
        "2021-03-04T10:00:00+01:00 (CET)          | 2021-03-04T09:00:00Z",
        "2021-1-5T10:00:00Z                       | 2021-01-05T10:00:00Z",
        // only feeds read these: a wrong day name, hour 24, basic form, a zone beyond 18 hours
        "Tue, 11 Jun 2003 04:00:00 GMT            | 2003-06-11T04:00:00Z",
        "2020-05-01T24:00:00Z                     | 2020-05-02T00:00:00Z",
        "20200501                                 | 2020-05-01T00:00:00Z",
        "2020-05-01T12:00:00+25:00                | 2020-05-01T12:00:00Z",
        // both read these, pages wrongly: they stopped at the zone name, the PM and the lower-case t
        "2020-05-01 10:00 EST                     | 2020-05-01T15:00:00Z",
        "2020-05-01 01:00 PM                      | 2020-05-01T13:00:00Z",
        "2020-05-01t12:00:00z                     | 2020-05-01T12:00:00Z",
    })
    void normalizesToUtc(String value, String expected) {
        assertThat(DateReader.parse(value)).isEqualTo(Instant.parse(expected));
    }

    /** "9999-12-31" is a placeholder, not a date: pages read it before, feeds did not, and nobody should. */
    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "9999-12-31", "not a date at all", "0000-00-00", "0103-12-13T18:30:02Z", "2003-06-31T15:51:30-05:00", "99/99/9999", "Tue, 45 Foo 2003"})
    void unreadableDatesAreNull(String value) {
        assertThat(DateReader.parse(value)).isNull();
    }

    @Test
    void epochTimesBeyondTheYearsReadAreNull() {
        // found by fuzzing: epoch seconds and milliseconds skipped the range of years every other form keeps to
        assertThat(DateReader.parse("7474191925")).isNull();
        assertThat(DateReader.parse("9999999999999")).isNull();
        assertThat(DateReader.parse("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }
}
