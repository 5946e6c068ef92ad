package org.trek.account;

/** A user's role. The group names are what Jakarta Security and @ServletSecurity use. */
public enum Role {
    USER("user"), ADMIN("admin");

    public static final String USER_GROUP = "user";
    public static final String ADMIN_GROUP = "admin";

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Role parse(String value) {
        return "admin".equalsIgnoreCase(value) ? ADMIN : USER;
    }
}
