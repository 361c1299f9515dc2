package br.com.crm.proposal.entity;

import br.com.crm.kernel.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line of a proposal: what is offered, how many, at what unit price and with what discount. Values, not an
 * entity: a line has no identity of its own and is replaced, never edited in place. Its figures are computed, not
 * stored, so a line's total can never drift from its quantity and price.
 */
@Embeddable
public class ProposalItem implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PRODUCT_CODE_LENGTH = 60;
    public static final int DESCRIPTION_LENGTH = 500;
    public static final int QUANTITY_PRECISION = 12;
    public static final int QUANTITY_SCALE = 3;
    public static final int UNIT_PRICE_PRECISION = 14;
    public static final int UNIT_PRICE_SCALE = Money.SCALE;
    public static final int DISCOUNT_PRECISION = 5;
    public static final int DISCOUNT_SCALE = 2;
    public static final String DISCOUNT_MAX = "100";

    private static final BigDecimal HUNDRED = new BigDecimal(DISCOUNT_MAX);

    /** The ERP catalogue's code when the line is one of its products; free lines (a service, a visit) have none. */
    @Size(max = PRODUCT_CODE_LENGTH)
    @Column(name = "product_code", length = PRODUCT_CODE_LENGTH)
    private String productCode;

    @NotBlank
    @Size(max = DESCRIPTION_LENGTH)
    @Column(nullable = false, length = DESCRIPTION_LENGTH)
    private String description;

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = QUANTITY_PRECISION - QUANTITY_SCALE, fraction = QUANTITY_SCALE)
    @Column(nullable = false, precision = QUANTITY_PRECISION, scale = QUANTITY_SCALE)
    private BigDecimal quantity;

    @NotNull
    @DecimalMin("0")
    @Digits(integer = UNIT_PRICE_PRECISION - UNIT_PRICE_SCALE, fraction = UNIT_PRICE_SCALE)
    @Column(name = "unit_price", nullable = false, precision = UNIT_PRICE_PRECISION, scale = UNIT_PRICE_SCALE)
    private BigDecimal unitPrice;

    @NotNull
    @DecimalMin("0")
    @DecimalMax(DISCOUNT_MAX)
    @Digits(integer = DISCOUNT_PRECISION - DISCOUNT_SCALE, fraction = DISCOUNT_SCALE)
    @Column(name = "discount_percent", nullable = false, precision = DISCOUNT_PRECISION, scale = DISCOUNT_SCALE)
    private BigDecimal discountPercent;

    protected ProposalItem() {
        // for JPA
    }

    /**
     * Checks here what the columns would otherwise round or refuse, so a line computes in memory exactly what it
     * will compute after being saved and read back.
     *
     * @param discountPercent null means no discount
     * @throws BusinessException when a value is missing, out of range or has more decimals than its column keeps
     */
    public ProposalItem(String productCode, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent) {
        this.productCode = productCode == null || productCode.isBlank() ? null : productCode.strip();
        if (this.productCode != null && this.productCode.length() > PRODUCT_CODE_LENGTH) {
            throw invalid("productCode", productCode);
        }
        this.description = description == null ? null : description.strip();
        if (this.description == null || this.description.isEmpty()
                || this.description.length() > DESCRIPTION_LENGTH) {
            throw invalid("description", description);
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw invalid("quantity", quantity);
        }
        this.quantity = fitted(quantity, QUANTITY_PRECISION, QUANTITY_SCALE, "quantity");
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw invalid("unitPrice", unitPrice);
        }
        this.unitPrice = fitted(unitPrice, UNIT_PRICE_PRECISION, UNIT_PRICE_SCALE, "unitPrice");
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
            throw invalid("discountPercent", discountPercent);
        }
        this.discountPercent = fitted(discount, DISCOUNT_PRECISION, DISCOUNT_SCALE, "discountPercent");
    }

    /** The value at its column's scale, refused (not rounded) when it needs more decimals or digits than it has. */
    private static BigDecimal fitted(BigDecimal value, int precision, int scale, String field) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale || stripped.precision() - stripped.scale() > precision - scale) {
            throw invalid(field, value);
        }
        return value.setScale(scale);
    }

    private static BusinessException invalid(String field, Object value) {
        return new BusinessException(BusinessException.Kind.INVALID, "proposal.item." + field + ".invalid", field,
                value);
    }

    /** Quantity times unit price, in centavos. */
    public BigDecimal gross() {
        return Money.cents(quantity.multiply(unitPrice));
    }

    /** The discount in reais, taken from the rounded gross so the line reads right on paper. */
    public BigDecimal discount() {
        return Money.cents(gross().multiply(discountPercent).movePointLeft(2));
    }

    /** Gross minus discount: both already in centavos, so gross, discount and total add up exactly. */
    public BigDecimal total() {
        return gross().subtract(discount());
    }

    public String getProductCode() {
        return productCode;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    /** Equal when every value is, whatever the scale: 2 and 2.000 units are the same line. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ProposalItem other
                && Objects.equals(productCode, other.productCode)
                && Objects.equals(description, other.description)
                && sameNumber(quantity, other.quantity)
                && sameNumber(unitPrice, other.unitPrice)
                && sameNumber(discountPercent, other.discountPercent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productCode, description, normalized(quantity), normalized(unitPrice),
                normalized(discountPercent));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal normalized(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    @Override
    public String toString() {
        return "ProposalItem[" + productCode + ", " + description + ", " + quantity + " x " + unitPrice + " -"
                + discountPercent + "%]";
    }
}
