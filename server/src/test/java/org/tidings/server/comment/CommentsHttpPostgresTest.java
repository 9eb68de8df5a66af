package org.tidings.server.comment;

import org.tidings.server.testing.TestDatabase;

/** The same HTTP tests with the server on PostgreSQL (a fresh schema). */
class CommentsHttpPostgresTest extends CommentsHttpTest {

    @Override
    String[] database() {
        return TestDatabase.POSTGRES.create().serverArguments();
    }
}
