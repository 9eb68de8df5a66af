package org.tidings.server.account;

import java.util.List;

/**
 * The roles an account can have, as stored in {@code account.role}; each includes the ones before
 * it (an administrator may do what a moderator may, a moderator what a reader may). Spring
 * Security sees them as {@code ROLE_<name>} with that hierarchy.
 */
public final class Roles {

    public static final String READER = "READER";
    public static final String MODERATOR = "MODERATOR";
    public static final String ADMIN = "ADMIN";

    /** Every role, least powerful first. */
    public static final List<String> ALL = List.of(READER, MODERATOR, ADMIN);

    private Roles() {}

    public static boolean valid(String role) {
        return ALL.contains(role);
    }

    /** The hierarchy in Spring Security's notation. */
    static String hierarchy() {
        return "ROLE_" + ADMIN + " > ROLE_" + MODERATOR + "\nROLE_" + MODERATOR + " > ROLE_" + READER;
    }
}
