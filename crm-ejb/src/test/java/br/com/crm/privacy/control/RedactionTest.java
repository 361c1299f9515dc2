package br.com.crm.privacy.control;

import br.com.crm.customer.entity.CustomerKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private final Redaction joana = Redaction.of("Joana da Silva Prado", CustomerKind.PERSON, "52998224725",
            "joana.prado@exemplo.com.br", "(11) 98765-4321");

    @Test
    void replacesTheFullNameItsPartsTheCpfTheEmailAndThePhone() {
        assertThat(joana.apply("Proposta para Joana da Silva Prado"))
                .isEqualTo("Proposta para [anonimizado]");
        assertThat(joana.apply("Falei com JOANA; o Prado pediu desconto"))
                .isEqualTo("Falei com [anonimizado]; o [anonimizado] pediu desconto");
        assertThat(joana.apply("CPF 529.982.247-25 e 52998224725"))
                .isEqualTo("CPF [anonimizado] e [anonimizado]");
        assertThat(joana.apply("para: Joana.Prado@exemplo.com.br, cc: chefe@empresa.com"))
                .isEqualTo("para: [anonimizado], cc: chefe@empresa.com");
        assertThat(joana.apply("ligar (11) 98765-4321 ou 11987654321"))
                .isEqualTo("ligar [anonimizado] ou [anonimizado]");
    }

    @Test
    void leavesOtherWordsNamesAndParticlesAlone() {
        assertThat(joana.apply("Silvano da Joaninha, de Prados")).isEqualTo("Silvano da Joaninha, de Prados");
        assertThat(joana.apply(null)).isNull();
        assertThat(joana.finds("nada a ver")).isFalse();
        assertThat(joana.finds("a silva")).isTrue();
    }

    @Test
    void aCompanyIsFoundByItsWholeNameNotByItsWords() {
        Redaction company = Redaction.of("Padaria Central Ltda", CustomerKind.COMPANY, null, null, null);
        assertThat(company.apply("Pedido da Padaria Central Ltda")).isEqualTo("Pedido da [anonimizado]");
        assertThat(company.apply("Padaria nova no centro")).isEqualTo("Padaria nova no centro");
    }

    @Test
    void aCustomerWithNothingToFindChangesNothing() {
        Redaction nobody = Redaction.of(null, null, null, null, null);
        assertThat(nobody.apply("texto")).isEqualTo("texto");
    }
}
