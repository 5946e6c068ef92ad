package org.trek.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "users")
@NamedQuery(name = "User.byEmail", query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = "User.countActiveAdmins", query = "SELECT COUNT(u) FROM User u WHERE u.role = org.trek.account.Role.ADMIN AND u.disabled = false")
@NamedQuery(name = "User.all", query = "SELECT u FROM User u ORDER BY u.username")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    /** Always stored lower-case, so look-ups are case-insensitive on every database. */
    @Column(nullable = false, length = 255)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role = Role.USER;

    @Column(nullable = false)
    private boolean disabled;

    /** Bumped on every password change; sessions opened under an older version are closed. */
    @Column(name = "password_version", nullable = false)
    private int passwordVersion = 1;

    /** Set when an admin chose the password: the user must choose their own at the next sign-in. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected User() {
    }

    public User(String username, String email, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.email = email.toLowerCase(java.util.Locale.ROOT);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public int getPasswordVersion() {
        return passwordVersion;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordVersion++;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }
}
