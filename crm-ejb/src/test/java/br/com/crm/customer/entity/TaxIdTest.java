package br.com.crm.customer.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-25", "52998224725", "111.444.777-35"})
    void acceptsValidCpfs(String cpf) {
        assertThat(TaxId.isValidCpf(cpf)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-24", "111.111.111-11", "1234567890", "", "abc"})
    void refusesInvalidCpfs(String cpf) {
        assertThat(TaxId.isValidCpf(cpf)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-81", "11222333000181", "11.444.777/0001-61"})
    void acceptsValidCnpjs(String cnpj) {
        assertThat(TaxId.isValidCnpj(cnpj)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-00", "00.000.000/0000-00", "1122233300018"})
    void refusesInvalidCnpjs(String cnpj) {
        assertThat(TaxId.isValidCnpj(cnpj)).isFalse();
    }

    @RepeatedTest(50)
    void completedNumbersAreValidAndAnyChangedDigitIsCaught() {
        String cnpj = TaxId.complete(String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        String cpf = TaxId.complete(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        assertThat(TaxId.isValidCnpj(cnpj) || cnpj.chars().distinct().count() == 1).isTrue();
        assertThat(TaxId.isValidCpf(cpf) || cpf.chars().distinct().count() == 1).isTrue();
        String wrong = cnpj.substring(0, 13) + ((cnpj.charAt(13) - '0' + 1) % 10);
        assertThat(TaxId.isValidCnpj(wrong)).isFalse();
    }

    @Test
    void formatsAsPeopleWriteThem() {
        assertThat(TaxId.format("52998224725")).isEqualTo("529.982.247-25");
        assertThat(TaxId.format("11222333000181")).isEqualTo("11.222.333/0001-81");
    }

    @Test
    void aCustomerKeepsOnlyDigitsAndRefusesATaxIdOfTheWrongKind() {
        Customer company = new Customer("ACME", CustomerKind.COMPANY, "11.222.333/0001-81", null, null, null);
        assertThat(company.getTaxId()).isEqualTo("11222333000181");
        assertThat(company.getContactStatus()).isEqualTo(ContactStatus.LEAD);

        assertThatThrownBy(() -> new Customer("João", CustomerKind.PERSON, "11.222.333/0001-81", null, null, null))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo("customer.taxId.invalidCpf");
                    assertThat(e.getField()).isEqualTo("taxId");
                    assertThat(e.getKind()).isEqualTo(BusinessException.Kind.INVALID);
                });
    }

    @Test
    void searchFormIgnoresAccentsAndCase() {
        assertThat(Text.searchable("  João da CONCEIÇÃO ")).isEqualTo("joao da conceicao");
    }
}
