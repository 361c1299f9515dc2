package br.com.crm.security.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryTest {

    @Test
    void groupsMapToTheModulesRolesWhateverTheirCase() {
        assertThat(Directory.parseRoles(" CRM-Admins=crm-admin, Equipe de Vendas=crm-user ,,CRM-Consulta = crm-viewer"))
                .containsEntry("crm-admins", "crm-admin")
                .containsEntry("equipe de vendas", "crm-user")
                .containsEntry("crm-consulta", "crm-viewer")
                .hasSize(3);
    }

    @Test
    void aMappingToAnUnknownRoleIsRefusedAtStart() {
        assertThatThrownBy(() -> Directory.parseRoles("CRM-Admins=admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRM-Admins=admin");
        assertThatThrownBy(() -> Directory.parseRoles("CRM-Admins"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHighestRoleOfThePersonsGroupsWinsAndOtherGroupsGiveNone() {
        Directory directory = new Directory();
        directory.roleMapping = Optional.of("CRM-Admins=crm-admin,CRM-Vendas=crm-user,CRM-Consulta=crm-viewer");
        directory.identity = "database";
        directory.init();

        assertThat(directory.roleOf(List.of("crm-consulta", "CRM-Vendas", "Financeiro"))).isEqualTo("crm-user");
        assertThat(directory.roleOf(List.of("CRM-Vendas", "CRM-ADMINS"))).isEqualTo("crm-admin");
        assertThat(directory.roleOf(List.of("Financeiro", "Domain Users"))).isNull();
        assertThat(directory.roleOf(List.of())).isNull();
    }
}
