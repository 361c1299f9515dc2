package br.com.crm.proposal.entity;

import br.com.crm.kernel.BusinessException;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures at the foot of a proposal. Summed from the lines' own rounded figures, never recomputed from
 * quantities and prices, so the total always equals the sum of the line totals plus freight, to the cent.
 *
 * @param subtotal the sum of the lines' gross amounts
 * @param discount the sum of the lines' discounts
 * @param freight  the freight charged on top, in centavos
 * @param total    subtotal minus discount plus freight
 */
public record ProposalTotals(BigDecimal subtotal, BigDecimal discount, BigDecimal freight, BigDecimal total) {

    /**
     * @param items   null or empty gives zero figures (plus freight)
     * @param freight null means no freight
     * @throws BusinessException when the freight is negative: a rebate is a discount on a line, not freight
     */
    /** Digits before the decimal comma that the database keeps for money (numeric(14,2)). */
    static final int MONEY_INTEGER_DIGITS = 12;

    public static ProposalTotals of(List<ProposalItem> items, BigDecimal freight) {
        if (freight != null && (freight.stripTrailingZeros().scale() > 2 || integerDigits(freight) > MONEY_INTEGER_DIGITS)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.freight.invalid", "freight",
                    freight);
        }
        BigDecimal charged = Money.cents(freight);
        if (charged.signum() < 0) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.freight.invalid", "freight",
                    freight);
        }
        BigDecimal subtotal = Money.cents(BigDecimal.ZERO);
        BigDecimal discount = Money.cents(BigDecimal.ZERO);
        for (ProposalItem item : items == null ? List.<ProposalItem>of() : items) {
            subtotal = subtotal.add(item.gross());
            discount = discount.add(item.discount());
        }
        BigDecimal total = subtotal.subtract(discount).add(charged);
        if (integerDigits(total) > MONEY_INTEGER_DIGITS || integerDigits(subtotal) > MONEY_INTEGER_DIGITS) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.total.tooLarge", "items");
        }
        return new ProposalTotals(subtotal, discount, charged, total);
    }

    private static int integerDigits(BigDecimal value) {
        return Math.max(0, value.precision() - value.scale());
    }
}
