-- An admin-set or reset password (and a first admin whose ADMIN_PASSWORD fails the password policy, or whose
-- password was generated) must be changed at the next sign-in: until then the user reaches only the
-- change-password screen.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
