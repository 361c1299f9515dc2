package br.com.crm.proposal.entity;

import br.com.crm.kernel.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The money rules of a proposal over a thousand random item lists per property (half with fixed seeds, half new
 * each run; a failure names its seed) and over figures worked out by hand (examples, which pin the half-up
 * rounding a property cannot tell from another rounding).
 */
class ProposalTotalsTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    // --- properties, over many random cases: a fixed seed (the same cases every run) and one new each run ---

    private static final int CASES = 1000;

    /** One random proposal: its items and freight, and the seed that makes it again. */
    record Case(long seed, List<ProposalItem> items, BigDecimal freight) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + items.size() + " items";
        }
    }

    static Stream<Case> cases() {
        long runSeed = System.nanoTime();
        return LongStream.range(0, CASES).mapToObj(i -> i < CASES / 2 ? 42 + i : runSeed + i).map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<ProposalItem> items = new ArrayList<>();
            for (int n = random.nextInt(61); n > 0; n--) {
                items.add(new ProposalItem(random.nextInt(10) < 3 ? null : String.valueOf(random.nextInt(1_000_000)),
                        "Item " + n, quantity(random), price(random), decimal(random, 100_00, 2)));
            }
            return new Case(seed, items, decimal(random, 100_000_00, 2));
        });
    }

    /** Up to 10,000 units: 60 lines at the highest price stay within what the database keeps (see below). */
    private static BigDecimal quantity(SplittableRandom random) {
        return BigDecimal.valueOf(1 + random.nextLong(10_000_000), 3);
    }

    private static BigDecimal price(SplittableRandom random) {
        return decimal(random, 1_000_000_00L, 2);
    }

    /** 0 to {@code max} units of the last decimal, at {@code scale}; the bounds come up often, as bugs like. */
    private static BigDecimal decimal(SplittableRandom random, long max, int scale) {
        int pick = random.nextInt(20);
        long units = pick == 0 ? 0 : pick == 1 ? max : random.nextLong(max + 1);
        return BigDecimal.valueOf(units, scale);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theTotalIsTheSumOfTheLineTotalsPlusFreightExactly(Case c) {
        ProposalTotals totals = ProposalTotals.of(c.items(), c.freight());

        assertThat(totals.total()).as(c.toString())
                .isEqualTo(sum(c.items().stream().map(ProposalItem::total).toList()).add(c.freight()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyFigureHasTwoDecimals(Case c) {
        ProposalTotals totals = ProposalTotals.of(c.items(), c.freight());

        assertThat(List.of(totals.subtotal(), totals.discount(), totals.freight(), totals.total())).as(c.toString())
                .allSatisfy(figure -> assertThat(figure.scale()).isEqualTo(2));
        assertThat(c.items()).as(c.toString()).allSatisfy(item -> assertThat(List.of(item.gross(), item.discount(),
                item.total())).allSatisfy(figure -> assertThat(figure.scale()).isEqualTo(2)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void subtotalMinusDiscountIsTheSumOfTheLineTotals(Case c) {
        ProposalTotals totals = ProposalTotals.of(c.items(), null);

        assertThat(totals.subtotal().subtract(totals.discount())).as(c.toString())
                .isEqualTo(sum(c.items().stream().map(ProposalItem::total).toList()));
        assertThat(totals.subtotal()).isEqualTo(sum(c.items().stream().map(ProposalItem::gross).toList()));
        assertThat(totals.discount()).isEqualTo(sum(c.items().stream().map(ProposalItem::discount).toList()));
        assertThat(totals.freight()).isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theTotalIsNeverNegativeWhenFreightIsNot(Case c) {
        assertThat(ProposalTotals.of(c.items(), c.freight()).total().signum()).as(c.toString())
                .isGreaterThanOrEqualTo(0);
        assertThat(c.items()).as(c.toString()).allSatisfy(item -> {
            assertThat(item.discount()).isBetween(new BigDecimal("0.00"), item.gross());
            assertThat(item.total().add(item.discount())).isEqualTo(item.gross());
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noDiscountLeavesTheGrossAndAFullDiscountLeavesNothing(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        BigDecimal quantity = quantity(random);
        BigDecimal price = price(random);
        ProposalItem none = new ProposalItem(null, "Item", quantity, price, BigDecimal.ZERO);
        ProposalItem full = new ProposalItem(null, "Item", quantity, price, HUNDRED);

        assertThat(none.discount()).as(c.toString()).isEqualTo(new BigDecimal("0.00"));
        assertThat(none.total()).as(c.toString()).isEqualTo(none.gross());
        assertThat(full.discount()).as(c.toString()).isEqualTo(full.gross());
        assertThat(full.total()).as(c.toString()).isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theGrossIsQuantityTimesPriceWithinHalfACent(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        BigDecimal quantity = quantity(random);
        BigDecimal price = price(random);
        BigDecimal gross = new ProposalItem(null, "Item", quantity, price, null).gross();

        assertThat(gross.subtract(quantity.multiply(price)).abs()).as(c.toString())
                .isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    private static BigDecimal sum(List<BigDecimal> figures) {
        return figures.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    // --- examples worked out by hand ---

    @Test
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

    @Test
    void threeTimesThirtyThreeThirtyThreeAtTenPercent() {
        // 3 x 33.33 = 99.99; 10% = 9.999 -> 10.00; total 89.99.
        ProposalItem item = new ProposalItem(null, "Licença", new BigDecimal("3"), new BigDecimal("33.33"),
                new BigDecimal("10"));

        assertThat(item.gross()).isEqualTo(new BigDecimal("99.99"));
        assertThat(item.discount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(item.total()).isEqualTo(new BigDecimal("89.99"));
    }

    @Test
    void halfACentRoundsUpInTheGross() {
        // 0.5 x 0.25 = 0.125: half up gives 0.13 (half even would give 0.12).
        ProposalItem item = new ProposalItem(null, "Parafuso", new BigDecimal("0.5"), new BigDecimal("0.25"), null);

        assertThat(item.gross()).isEqualTo(new BigDecimal("0.13"));
        assertThat(item.total()).isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void halfACentRoundsUpInTheDiscount() {
        // 10% of 0.05 = 0.005: half up gives 0.01 (half even and down would give 0.00).
        ProposalItem item = new ProposalItem(null, "Arruela", new BigDecimal("1"), new BigDecimal("0.05"),
                new BigDecimal("10"));

        assertThat(item.discount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(item.total()).isEqualTo(new BigDecimal("0.04"));
    }

    @Test
    void aDiscountWithDecimalsIsTakenFromTheRoundedGross() {
        // 2.5 x 19.99 = 49.975 -> 49.98; 12.5% of 49.98 = 6.2475 -> 6.25; total 43.73.
        ProposalItem item = new ProposalItem(null, "Cabo", new BigDecimal("2.5"), new BigDecimal("19.99"),
                new BigDecimal("12.5"));

        assertThat(item.gross()).isEqualTo(new BigDecimal("49.98"));
        assertThat(item.discount()).isEqualTo(new BigDecimal("6.25"));
        assertThat(item.total()).isEqualTo(new BigDecimal("43.73"));
    }

    @Test
    void noItemsAndNoFreightGiveZeros() {
        BigDecimal zero = new BigDecimal("0.00");

        assertThat(ProposalTotals.of(List.of(), null)).isEqualTo(new ProposalTotals(zero, zero, zero, zero));
        assertThat(ProposalTotals.of(null, null)).isEqualTo(new ProposalTotals(zero, zero, zero, zero));
    }

    @Test
    void freightHasAtMostTwoDecimalsAndIsNeverNegative() {
        assertThat(ProposalTotals.of(List.of(), new BigDecimal("12.340")).freight())
                .isEqualTo(new BigDecimal("12.34"));
        for (String refused : List.of("12.345", "-1", "1E+12", "1e309")) {
            assertThatThrownBy(() -> ProposalTotals.of(List.of(), new BigDecimal(refused))).as(refused)
                    .isInstanceOf(BusinessException.class)
                    .extracting("field").isEqualTo("freight");
        }
    }

    @Test
    void aProposalLargerThanTheDatabaseKeepsIsRefused() {
        ProposalItem line = new ProposalItem(null, "Item", new BigDecimal("999999999.999"),
                new BigDecimal("999999999999.99"), null);
        assertThatThrownBy(() -> ProposalTotals.of(List.of(line), BigDecimal.ZERO))
                .isInstanceOf(BusinessException.class)
                .hasMessage("proposal.total.tooLarge");
        ProposalItem fits = new ProposalItem(null, "Item", new BigDecimal("1"), new BigDecimal("999999999999.99"),
                null);
        assertThat(ProposalTotals.of(List.of(fits), BigDecimal.ZERO).total())
                .isEqualTo(new BigDecimal("999999999999.99"));
    }

    // --- the line's own rules ---

    @Test
    void aLineKeepsItsValuesAtTheirColumnsScale() {
        ProposalItem item = new ProposalItem("  ", "  Instalação  ", new BigDecimal("2"), new BigDecimal("10"), null);

        assertThat(item.getProductCode()).isNull();
        assertThat(item.getDescription()).isEqualTo("Instalação");
        assertThat(item.getQuantity()).isEqualTo(new BigDecimal("2.000"));
        assertThat(item.getUnitPrice()).isEqualTo(new BigDecimal("10.00"));
        assertThat(item.getDiscountPercent()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void linesAreEqualByValueWhateverTheScale() {
        ProposalItem a = new ProposalItem("P-1", "Cabo", new BigDecimal("2"), new BigDecimal("10.5"),
                new BigDecimal("5"));
        ProposalItem b = new ProposalItem("P-1", "Cabo", new BigDecimal("2.000"), new BigDecimal("10.50"),
                new BigDecimal("5.00"));
        ProposalItem other = new ProposalItem("P-1", "Cabo", new BigDecimal("3"), new BigDecimal("10.5"),
                new BigDecimal("5"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
    }

    @Test
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
