package org.tidings.server.account;

import java.util.List;

/** The values of {@code account.role}; each includes the ones before it (Spring Security: {@code ROLE_<name>}). */
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

    static String hierarchy() {
        return "ROLE_" + ADMIN + " > ROLE_" + MODERATOR + "\nROLE_" + MODERATOR + " > ROLE_" + READER;
    }
}
