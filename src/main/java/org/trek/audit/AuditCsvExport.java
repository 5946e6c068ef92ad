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
    static final String HEADER = "id,time_utc,user_id,username,client,action,target,ip,details";

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /**
     * Writes every matching row; returns how many. Names (users without a recorded name, OAuth clients) are looked
     * up once per batch through {@code names}; times and details are written as the page shows them.
     */
    public long write(AuditService.Filter filter, AuditNames names, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        long written = 0;
        long before = Long.MAX_VALUE;
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<AuditRecord> batch = new ArrayList<>(BATCH);
                try (PreparedStatement ps = prepare(c, filter, before); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long userId = rs.getLong("user_id");
                        boolean noUser = rs.wasNull();
                        batch.add(AuditRecord.read(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                                noUser ? null : userId, rs.getString("username"), rs.getString("action"),
                                rs.getString("target"), rs.getString("details"), rs.getString("ip")));
                    }
                }
                for (AuditRow row : AuditRow.of(batch, names)) {
                    out.write(line(row));
                    before = row.getId();
                }
                written += batch.size();
                out.flush();
                if (batch.size() < BATCH) {
                    return written;
                }
            }
        } catch (SQLException e) {
            throw new IOException("audit export failed", e);
        }
    }

    static String line(AuditRow row) {
        return row.getId() + "," + row.getTime() + "," + (row.getUserId() == null ? "" : String.valueOf(row.getUserId()))
                + "," + cell(row.getUsername()) + "," + cell(row.getClient()) + "," + cell(row.getAction()) + ","
                + cell(row.getTarget()) + "," + cell(row.getIp()) + "," + cell(row.getDetailsText()) + "\r\n";
    }

    private static PreparedStatement prepare(Connection c, AuditService.Filter f, long before) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT id, created_at, user_id, username, action, target, ip, details FROM audit_log WHERE id < ?");
        List<Object> params = new ArrayList<>();
        params.add(before);
        for (AuditService.Filter.Condition condition : f.conditions()) {
            sql.append(" AND ").append(condition.sql());
            params.addAll(condition.sqlValues());
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
