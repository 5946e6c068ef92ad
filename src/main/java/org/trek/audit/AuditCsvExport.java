package org.trek.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trek.platform.db.DataSourceConfig;

/**
 * Streams the filtered audit log as CSV (RFC 4180), newest first, in keyset-paged batches: memory stays flat
 * whether the log holds a hundred rows or millions.
 */
@ApplicationScoped
public class AuditCsvExport {
    static final int BATCH = 1000;
    static final String HEADER = "id,time_utc,user_id,username,action,target,ip,details";

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /** Writes every matching row; returns how many. */
    public long write(AuditService.Filter filter, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        long written = 0;
        long before = Long.MAX_VALUE;
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                int inBatch = 0;
                try (PreparedStatement ps = prepare(c, filter, before); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        long userId = rs.getLong("user_id");
                        boolean noUser = rs.wasNull();
                        out.write(id + "," + Instant.ofEpochMilli(rs.getLong("created_at")) + ","
                                + (noUser ? "" : String.valueOf(userId)) + "," + cell(rs.getString("username")) + ","
                                + cell(rs.getString("action")) + "," + cell(rs.getString("target")) + ","
                                + cell(rs.getString("ip")) + "," + cell(rs.getString("details")) + "\r\n");
                        before = id;
                        inBatch++;
                    }
                }
                written += inBatch;
                out.flush();
                if (inBatch < BATCH) {
                    return written;
                }
            }
        } catch (SQLException e) {
            throw new IOException("audit export failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, AuditService.Filter f, long before) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT id, created_at, user_id, username, action, target, ip, details FROM audit_log WHERE id < ?");
        List<Object> params = new ArrayList<>();
        params.add(before);
        for (AuditService.Filter.Condition condition : f.conditions()) {
            sql.append(" AND ").append(condition.column()).append(' ').append(condition.operator()).append(" ?");
            params.add(condition.sqlValue());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(BATCH);
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    /**
     * One CSV field: quoted when needed (RFC 4180 §2), and a leading =, +, - or @ is neutralised so that
     * spreadsheet programs do not run it as a formula. A semicolon, tab or bar also gets the field quoted: Excel in
     * locales whose list separator is ";" splits unquoted fields there, and "x;=cmd" would become a formula cell.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.chars().anyMatch(ch -> ",\"\n\r';\t|".indexOf(ch) >= 0)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
