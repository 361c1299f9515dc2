package br.com.crm.erp.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentLinksTest {

    @Test
    void aDocumentsLinkFillsThePatternWithItsKindAndNumberEncoded() {
        var links = new ErpDocuments.DocumentLinks("https://erp.example/doc/{kind}/{number}");

        assertThat(links.link("NFE", "123/A b&c")).isEqualTo("https://erp.example/doc/NFE/123%2FA%20b%26c");
        assertThat(links.link("OS", null)).isEqualTo("https://erp.example/doc/OS/");
    }

    @Test
    void withoutAPatternThereIsNoLink() {
        assertThat(new ErpDocuments.DocumentLinks(null).link("NFE", "1")).isNull();
    }
}
