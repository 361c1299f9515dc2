package br.com.crm.proposal.control;

import br.com.crm.proposal.entity.ProposalItem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed proposal, read back as a customer's PDF reader would. */
class ProposalPdfTest {

    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");

    private final ProposalPdf pdf = new ProposalPdf();

    private static final List<ProposalItem> THREE_ITEMS = List.of(
            // 1.5 x 1,200.00 = 1,800.00; 10% = 180.00; 1,620.00
            new ProposalItem("CAB-10", "Instalação elétrica", new BigDecimal("1.5"), new BigDecimal("1200.00"),
                    new BigDecimal("10")),
            // 2 x 349.90 = 699.80
            new ProposalItem(null, "Manutenção preventiva", new BigDecimal("2"), new BigDecimal("349.90"), null),
            // 10 x 12.35 = 123.50; 2.5% = 3.0875 -> 3.09; 120.41
            new ProposalItem("DISJ-32", "Disjuntor bipolar 32 A", new BigDecimal("10"), new BigDecimal("12.35"),
                    new BigDecimal("2.5")));
    // 1,620.00 + 699.80 + 120.41 + 250.00 freight = 2,690.21

    private static ProposalDocument document(List<ProposalItem> items, Locale locale, byte[] logo) {
        return new ProposalDocument(
                new ProposalDocument.Company("Elétrica Paraná Ltda.", "11222333000181",
                        "Rua das Araucárias, 100 – Curitiba/PR", "(41) 3333-4444", "vendas@eletrica.example", logo),
                "2026-000123", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 4),
                new ProposalDocument.Party("João Conceição Ltda.", "11444777000161", "joao@example.com",
                        "(41) 99999-0000"),
                "Reforma da subestação", items, new BigDecimal("250"), "30/60/90 dias, boleto bancário",
                "Preços válidos para instalação em horário comercial.\nInclui ART.", "Ana Sebastião", locale);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void printsTheItemsTheCustomerAndTheTotalWithAccents() throws IOException {
        byte[] bytes = pdf.render(document(THREE_ITEMS, BRAZIL, null));

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(bytes);
        assertThat(text).contains("Proposta comercial nº 2026-000123", "João Conceição Ltda.",
                "Instalação elétrica", "Manutenção preventiva", "Disjuntor bipolar 32 A",
                "Elétrica Paraná Ltda.", "11.222.333/0001-81", "CNPJ: 11.444.777/0001-61",
                "Emitida em: 05/03/2026", "Válida até: 04/04/2026", "Reforma da subestação",
                "Condições de pagamento", "30/60/90 dias, boleto bancário", "Inclui ART.", "Ana Sebastião");
        // Quantities without trailing zeros, money in reais with Brazilian separators.
        assertThat(text).contains("1,5", "R$ 1.200,00", "R$ 1.620,00", "R$ 699,80", "R$ 120,41");
        assertThat(text).contains("R$ 2.623,30", "-R$ 183,09", "R$ 250,00", "R$ 2.690,21");
        assertThat(text).doesNotContain("1,500", "Commercial");
    }

    @Test
    void aLongProposalRunsOverPagesRepeatingTheTableHeader() throws IOException {
        List<ProposalItem> items = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            items.add(new ProposalItem("P-" + i, "Item número " + i + " com descrição", BigDecimal.ONE,
                    new BigDecimal("10.00"), null));
        }
        byte[] bytes = pdf.render(document(items, BRAZIL, null));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String all = new PDFTextStripper().getText(document);
            // 120 x 10.00 + 250.00 freight
            assertThat(all).contains("Item número 120 com descrição", "R$ 1.450,00", "Página " + pages);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page).contains("Descrição", "Preço unit.");
            }
        }
    }

    @Test
    void printsTheCompanyLogo() throws IOException {
        BufferedImage image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 400, 160);
        graphics.setColor(new Color(0, 90, 160));
        graphics.fillOval(20, 20, 120, 120);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        byte[] bytes = pdf.render(document(THREE_ITEMS, BRAZIL, png.toByteArray()));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
            assertThat(new PDFTextStripper().getText(document)).contains("Elétrica Paraná Ltda.", "R$ 2.690,21");
        }
    }

    @Test
    void anUnreadableLogoLeavesTheLetterheadWithoutIt() throws IOException {
        byte[] bytes = pdf.render(document(THREE_ITEMS, BRAZIL, "not an image".getBytes()));

        assertThat(text(bytes)).contains("Elétrica Paraná Ltda.", "R$ 2.690,21");
    }

    @Test
    void speaksEnglishToEnglishReaders() throws IOException {
        String text = text(pdf.render(document(THREE_ITEMS, Locale.US, null)));

        assertThat(text).contains("Commercial proposal no. 2026-000123", "Customer", "Unit price", "Payment terms",
                "Issued on: Mar 5, 2026", "Valid until: Apr 4, 2026", "Freight", "R$ 1,620.00", "R$ 2,690.21",
                "1.5", "João Conceição Ltda.");
        assertThat(text).doesNotContain("Proposta", "Preço unit.", "Frete");
    }

    @Test
    void missingOrAwkwardUserTextNeverBreaksThePdf() throws IOException {
        String longWord = "X".repeat(ProposalItem.DESCRIPTION_LENGTH);
        List<ProposalItem> items = List.of(
                new ProposalItem(null, longWord, BigDecimal.ONE, BigDecimal.ONE, null),
                new ProposalItem(null, "palavra ".repeat(60).strip(), new BigDecimal("0.001"), BigDecimal.ZERO,
                        new BigDecimal("100")));
        ProposalDocument document = new ProposalDocument(
                new ProposalDocument.Company("ACME", null, null, null, null, null), "2026-000124-2", null, null,
                new ProposalDocument.Party("Cliente sem CNPJ", null, null, null), null, items, null, "",
                "Tabs\there, a lone\rCR, a bell\u0007 and an emoji \uD83D\uDE00 beyond the font. " + "Nota ".repeat(800),
                null, null);

        String text = text(pdf.render(document));

        assertThat(text).contains("Proposta comercial nº 2026-000124-2", "Cliente sem CNPJ", "XXXXXXXXXX",
                "R$ 1,00", "Tabs here");
        assertThat(text).doesNotContain("Condições de pagamento", "Responsável", "null");
    }

    @Test
    void aProposalWithoutItemsSaysSo() throws IOException {
        String text = text(pdf.render(document(List.of(), BRAZIL, null)));

        assertThat(text).contains("Nenhum item.", "R$ 250,00");
    }
}
