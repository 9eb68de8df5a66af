package org.tidings.server.account;

/** The roles an account can have, as stored in {@code account.role}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
