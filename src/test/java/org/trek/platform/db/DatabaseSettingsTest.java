package org.trek.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsToAnH2FileInTheDataDirectory() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("TREK_DATA_DIR", "/srv/trek"));
        assertEquals(DatabaseSettings.Kind.H2, s.kind());
        assertEquals("jdbc:h2:file:" + Path.of("/srv/trek/trek") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", s.url());
    }

    @Test
    void anH2UrlIsNotClosedByH2sShutdownHookUnlessItSaysSo() {
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", DatabaseSettings.from(Map.of("DB_URL", "jdbc:h2:mem:x")).url());
        assertEquals("jdbc:h2:mem:x;db_close_on_exit=true;LOCK_TIMEOUT=10000",
                DatabaseSettings.from(Map.of("DB_URL", "jdbc:h2:mem:x;db_close_on_exit=true")).url());
    }

    @Test
    void withoutDataDirUsesDotData() {
        DatabaseSettings s = DatabaseSettings.from(Map.of());
        assertTrue(s.url().startsWith("jdbc:h2:file:" + Path.of("./data").toAbsolutePath().normalize()));
    }

    @Test
    void aMariaDbUrlSelectsMariaDb() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("DB_URL", "jdbc:mariadb://127.0.0.1:3306/trek",
                "DB_USER", "trek", "DB_PASSWORD", "pw"));
        assertEquals(DatabaseSettings.Kind.MARIADB, s.kind());
        assertEquals("trek", s.user());
        assertEquals("pw", s.password());
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals(DatabaseSettings.Kind.H2, DatabaseSettings.from(Map.of("DB_URL", "  ")).kind());
    }

    @Test
    void refusesOtherDatabases() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.from(Map.of("DB_URL", "jdbc:postgresql://x/y")));
    }

    @Test
    void safeUrlHidesPasswords() {
        DatabaseSettings s = DatabaseSettings.from(Map.of("DB_URL", "jdbc:mariadb://h/db?user=a&password=secret"));
        assertFalse(s.safeUrl().contains("secret"));
    }
}
