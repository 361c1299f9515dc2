package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

/**
 * Version 10.1: the demo ERP ({@code db/demo/demo-erp.sql}: demo tables and the documented {@code erp_*} views),
 * only in demo mode. Outside demo mode the version is recorded with nothing done, so the history is the same in
 * both modes and validates whichever mode the module runs in later; production connects its own ERP's views.
 */
public class DemoErpTables extends VersionedMigration {

    private final boolean demo;

    public DemoErpTables(boolean demo) {
        super("10.1", "demo erp", 10_001);
        this.demo = demo;
    }


    @Override
    public void migrate(Context context) throws Exception {
        if (!demo) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            // One statement per ';' at a line's end: the script has no semicolon inside a statement.
            for (String sql : script().split(";\\s*\\n")) {
                String code = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!code.isBlank()) {
                    statement.execute(code);
                }
            }
        }
    }

    private static String script() throws IOException {
        try (InputStream in = DemoErpTables.class.getResourceAsStream("/db/demo/demo-erp.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
