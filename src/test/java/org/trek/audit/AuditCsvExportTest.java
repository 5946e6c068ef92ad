package org.trek.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditCsvExportTest {

    @Test
    void quotesFieldsThatNeedIt() {
        assertEquals("plain", AuditCsvExport.cell("plain"));
        assertEquals("\"a,b\"", AuditCsvExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsvExport.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditCsvExport.cell("two\nlines"));
        assertEquals("", AuditCsvExport.cell(null));
    }

    @Test
    void neutralisesSpreadsheetFormulas() {
        assertEquals("\"'=HYPERLINK(1)\"", AuditCsvExport.cell("=HYPERLINK(1)"));
        assertEquals("\"'+1\"", AuditCsvExport.cell("+1"));
        assertEquals("\"'@x\"", AuditCsvExport.cell("@x"));
        // Excel with ";" as its list separator would split an unquoted field into a formula cell
        assertEquals("\"x;=WEBSERVICE(1)\"", AuditCsvExport.cell("x;=WEBSERVICE(1)"));
        assertEquals("\"a\tb\"", AuditCsvExport.cell("a\tb"));
    }
}
