package br.com.crm.proposal.entity;

import br.com.crm.business.BusinessException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The money rules of a proposal over thousands of random item lists (properties) and over figures worked out by
 * hand (examples, which pin the half-up rounding a property cannot tell from another rounding).
 */
class ProposalTotalsTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    // --- properties ---

    @Property
    void theTotalIsTheSumOfTheLineTotalsPlusFreightExactly(@ForAll("items") List<ProposalItem> items,
                                                            @ForAll("freight") BigDecimal freight) {
        ProposalTotals totals = ProposalTotals.of(items, freight);

        assertThat(totals.total()).isEqualTo(sum(items.stream().map(ProposalItem::total).toList()).add(freight));
    }

    @Property
    void everyFigureHasTwoDecimals(@ForAll("items") List<ProposalItem> items, @ForAll("freight") BigDecimal freight) {
        ProposalTotals totals = ProposalTotals.of(items, freight);

        assertThat(List.of(totals.subtotal(), totals.discount(), totals.freight(), totals.total()))
                .allSatisfy(figure -> assertThat(figure.scale()).isEqualTo(2));
        assertThat(items).allSatisfy(item -> assertThat(List.of(item.gross(), item.discount(), item.total()))
                .allSatisfy(figure -> assertThat(figure.scale()).isEqualTo(2)));
    }

    @Property
    void subtotalMinusDiscountIsTheSumOfTheLineTotals(@ForAll("items") List<ProposalItem> items) {
        ProposalTotals totals = ProposalTotals.of(items, null);

        assertThat(totals.subtotal().subtract(totals.discount()))
                .isEqualTo(sum(items.stream().map(ProposalItem::total).toList()));
        assertThat(totals.subtotal()).isEqualTo(sum(items.stream().map(ProposalItem::gross).toList()));
        assertThat(totals.discount()).isEqualTo(sum(items.stream().map(ProposalItem::discount).toList()));
        assertThat(totals.freight()).isEqualTo(new BigDecimal("0.00"));
    }

    @Property
    void theTotalIsNeverNegativeWhenFreightIsNot(@ForAll("items") List<ProposalItem> items,
                                                 @ForAll("freight") BigDecimal freight) {
        assertThat(ProposalTotals.of(items, freight).total().signum()).isGreaterThanOrEqualTo(0);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.discount()).isBetween(new BigDecimal("0.00"), item.gross());
            assertThat(item.total().add(item.discount())).isEqualTo(item.gross());
        });
    }

    @Property
    void noDiscountLeavesTheGross(@ForAll("quantities") BigDecimal quantity, @ForAll("prices") BigDecimal price) {
        ProposalItem item = new ProposalItem(null, "Item", quantity, price, BigDecimal.ZERO);

        assertThat(item.discount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(item.total()).isEqualTo(item.gross());
    }

    @Property
    void aFullDiscountLeavesNothing(@ForAll("quantities") BigDecimal quantity, @ForAll("prices") BigDecimal price) {
        ProposalItem item = new ProposalItem(null, "Item", quantity, price, HUNDRED);

        assertThat(item.discount()).isEqualTo(item.gross());
        assertThat(item.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Property
    void theGrossIsQuantityTimesPriceWithinHalfACent(@ForAll("quantities") BigDecimal quantity,
                                                     @ForAll("prices") BigDecimal price) {
        BigDecimal exact = quantity.multiply(price);
        BigDecimal gross = new ProposalItem(null, "Item", quantity, price, null).gross();

        assertThat(gross.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Provide
    Arbitrary<List<ProposalItem>> items() {
        Arbitrary<String> codes = Arbitraries.strings().numeric().ofLength(6).injectNull(0.3);
        Arbitrary<String> descriptions = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30);
        return Combinators.combine(codes, descriptions, quantities(), prices(), discounts())
                .as(ProposalItem::new)
                .list().ofMinSize(0).ofMaxSize(60);
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100000")).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> discounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, HUNDRED).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> freight() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
    }

    private static BigDecimal sum(List<BigDecimal> figures) {
        return figures.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    // --- examples worked out by hand ---

    @Example
    void threeLinesOfAThirdAddUpFromTheirRoundedFigures() {
        // 33.333 x 1.00 = 33.333 -> 33.33 per line; 10% of 33.33 = 3.333 -> 3.33; line total 30.00.
        ProposalItem third = new ProposalItem("P-1", "Um terço", new BigDecimal("33.333"), new BigDecimal("1.00"),
                new BigDecimal("10"));
        ProposalTotals totals = ProposalTotals.of(List.of(third, third, third), new BigDecimal("15"));

        assertThat(third.gross()).isEqualTo(new BigDecimal("33.33"));
        assertThat(third.discount()).isEqualTo(new BigDecimal("3.33"));
        assertThat(third.total()).isEqualTo(new BigDecimal("30.00"));
        assertThat(totals).isEqualTo(new ProposalTotals(new BigDecimal("99.99"), new BigDecimal("9.99"),
                new BigDecimal("15.00"), new BigDecimal("105.00")));
    }

    @Example
    void threeTimesThirtyThreeThirtyThreeAtTenPercent() {
        // 3 x 33.33 = 99.99; 10% = 9.999 -> 10.00; total 89.99.
        ProposalItem item = new ProposalItem(null, "Licença", new BigDecimal("3"), new BigDecimal("33.33"),
                new BigDecimal("10"));

        assertThat(item.gross()).isEqualTo(new BigDecimal("99.99"));
        assertThat(item.discount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(item.total()).isEqualTo(new BigDecimal("89.99"));
    }

    @Example
    void halfACentRoundsUpInTheGross() {
        // 0.5 x 0.25 = 0.125: half up gives 0.13 (half even would give 0.12).
        ProposalItem item = new ProposalItem(null, "Parafuso", new BigDecimal("0.5"), new BigDecimal("0.25"), null);

        assertThat(item.gross()).isEqualTo(new BigDecimal("0.13"));
        assertThat(item.total()).isEqualTo(new BigDecimal("0.13"));
    }

    @Example
    void halfACentRoundsUpInTheDiscount() {
        // 10% of 0.05 = 0.005: half up gives 0.01 (half even and down would give 0.00).
        ProposalItem item = new ProposalItem(null, "Arruela", new BigDecimal("1"), new BigDecimal("0.05"),
                new BigDecimal("10"));

        assertThat(item.discount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(item.total()).isEqualTo(new BigDecimal("0.04"));
    }

    @Example
    void aDiscountWithDecimalsIsTakenFromTheRoundedGross() {
        // 2.5 x 19.99 = 49.975 -> 49.98; 12.5% of 49.98 = 6.2475 -> 6.25; total 43.73.
        ProposalItem item = new ProposalItem(null, "Cabo", new BigDecimal("2.5"), new BigDecimal("19.99"),
                new BigDecimal("12.5"));

        assertThat(item.gross()).isEqualTo(new BigDecimal("49.98"));
        assertThat(item.discount()).isEqualTo(new BigDecimal("6.25"));
        assertThat(item.total()).isEqualTo(new BigDecimal("43.73"));
    }

    @Example
    void noItemsAndNoFreightGiveZeros() {
        BigDecimal zero = new BigDecimal("0.00");

        assertThat(ProposalTotals.of(List.of(), null)).isEqualTo(new ProposalTotals(zero, zero, zero, zero));
        assertThat(ProposalTotals.of(null, null)).isEqualTo(new ProposalTotals(zero, zero, zero, zero));
    }

    @Example
    void freightIsRoundedToCentsAndNeverNegative() {
        assertThat(ProposalTotals.of(List.of(), new BigDecimal("12.345")).freight())
                .isEqualTo(new BigDecimal("12.35"));
        assertThatThrownBy(() -> ProposalTotals.of(List.of(), new BigDecimal("-1")))
                .isInstanceOf(BusinessException.class)
                .extracting("field").isEqualTo("freight");
    }

    // --- the line's own rules ---

    @Example
    void aLineKeepsItsValuesAtTheirColumnsScale() {
        ProposalItem item = new ProposalItem("  ", "  Instalação  ", new BigDecimal("2"), new BigDecimal("10"), null);

        assertThat(item.getProductCode()).isNull();
        assertThat(item.getDescription()).isEqualTo("Instalação");
        assertThat(item.getQuantity()).isEqualTo(new BigDecimal("2.000"));
        assertThat(item.getUnitPrice()).isEqualTo(new BigDecimal("10.00"));
        assertThat(item.getDiscountPercent()).isEqualTo(new BigDecimal("0.00"));
    }

    @Example
    void linesAreEqualByValueWhateverTheScale() {
        ProposalItem a = new ProposalItem("P-1", "Cabo", new BigDecimal("2"), new BigDecimal("10.5"),
                new BigDecimal("5"));
        ProposalItem b = new ProposalItem("P-1", "Cabo", new BigDecimal("2.000"), new BigDecimal("10.50"),
                new BigDecimal("5.00"));
        ProposalItem other = new ProposalItem("P-1", "Cabo", new BigDecimal("3"), new BigDecimal("10.5"),
                new BigDecimal("5"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
    }

    @Example
    void aLineRefusesWhatItsColumnsWouldRoundOrRefuse() {
        BigDecimal one = BigDecimal.ONE;
        assertRefused("description", () -> new ProposalItem(null, " ", one, one, null));
        assertRefused("description", () -> new ProposalItem(null, "x".repeat(501), one, one, null));
        assertRefused("productCode", () -> new ProposalItem("x".repeat(61), "Cabo", one, one, null));
        assertRefused("quantity", () -> new ProposalItem(null, "Cabo", BigDecimal.ZERO, one, null));
        assertRefused("quantity", () -> new ProposalItem(null, "Cabo", new BigDecimal("1.0005"), one, null));
        assertRefused("quantity", () -> new ProposalItem(null, "Cabo", new BigDecimal("1000000000"), one, null));
        assertRefused("unitPrice", () -> new ProposalItem(null, "Cabo", one, new BigDecimal("-0.01"), null));
        assertRefused("unitPrice", () -> new ProposalItem(null, "Cabo", one, new BigDecimal("1.001"), null));
        assertRefused("discountPercent", () -> new ProposalItem(null, "Cabo", one, one, new BigDecimal("100.01")));
        assertRefused("discountPercent", () -> new ProposalItem(null, "Cabo", one, one, new BigDecimal("-1")));
        assertThat(new ProposalItem(null, "Cabo", new BigDecimal("1.5000"), one, HUNDRED).getQuantity())
                .isEqualTo(new BigDecimal("1.500"));
    }

    private static void assertRefused(String field, Runnable creation) {
        assertThatThrownBy(creation::run)
                .isInstanceOf(BusinessException.class)
                .extracting("field").isEqualTo(field);
    }
}
