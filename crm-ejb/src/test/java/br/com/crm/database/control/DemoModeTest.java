package br.com.crm.database.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeTest {

    @Test
    void theDemoIsMadeOnlyOnTheEmbeddedDatabaseUnlessForced() {
        assertThat(DemoMode.decide(true, false, "jdbc:h2:file:./data/crm")).isTrue();
        assertThat(DemoMode.decide(true, false, "jdbc:postgresql://db/crm")).isFalse();
        assertThat(DemoMode.decide(true, true, "jdbc:postgresql://db/crm")).isTrue();
        assertThat(DemoMode.decide(false, true, "jdbc:h2:file:./data/crm")).isFalse();
    }
}
