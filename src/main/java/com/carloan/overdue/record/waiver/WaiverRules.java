package com.carloan.overdue.record.waiver;

import com.carloan.overdue.api.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a waiver (减免, CONTRACT §5) may ask for and who approves it, without an engine or a database. A waiver
 * asks for no more than is left to pay, and for a penalty or fee no more than is left of it. Supervisors approve
 * penalty and fee waivers while the case's approved waivers stay within {@value #SUPERVISOR_SHARE_PERCENT} % of its
 * original amount due; everything else is the collection manager's. Nobody approves their own request.
 */
public final class WaiverRules {

  public enum Kind { PENALTY, FEE, INTEREST, PRINCIPAL }

  /** Who may approve a waiver. */
  public enum Authority { SUPERVISOR, MANAGER }

  /** What the case stands at when the waiver is asked for. */
  public record Standing(BigDecimal originalAmountDue, BigDecimal leftToPay, BigDecimal penaltyLeft, BigDecimal feeLeft,
      BigDecimal approvedWaivers) {
  }

  static final int SUPERVISOR_SHARE_PERCENT = 20;
  static final int MAX_REASON = 500;
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  private WaiverRules() {}

  public static List<FieldError> problems(String kind, BigDecimal amount, String reason, Standing s) {
    List<FieldError> errors = new ArrayList<>();
    Kind k = Arrays.stream(Kind.values()).filter(v -> v.name().equals(kind)).findFirst().orElse(null);
    if (k == null) {
      errors.add(new FieldError("kind", (kind == null ? "is required, " : "must be ") + "one of "
          + String.join(", ", Arrays.stream(Kind.values()).map(Enum::name).toList())));
    }
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
        || amount.compareTo(MAX_AMOUNT) > 0) {
      errors.add(new FieldError("amount", "must be greater than 0 with at most 2 decimals"));
    } else if (amount.compareTo(s.leftToPay()) > 0) {
      errors.add(new FieldError("amount", "must be at most what is left to pay, " + s.leftToPay().toPlainString()));
    } else if (k == Kind.PENALTY && amount.compareTo(s.penaltyLeft()) > 0) {
      errors.add(new FieldError("amount", "must be at most what is left of the penalty, " + s.penaltyLeft().toPlainString()));
    } else if (k == Kind.FEE && amount.compareTo(s.feeLeft()) > 0) {
      errors.add(new FieldError("amount", "must be at most what is left of the fees, " + s.feeLeft().toPlainString()));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "is required: why the lender should give this up"));
    } else if (reason.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
    } else if (EXPRESSION.matcher(reason).find()) {
      errors.add(new FieldError("reason", "must not contain expression syntax such as ${ or #{"));
    }
    return errors;
  }

  /** A supervisor's for a penalty or fee while all approved waivers with this one stay within 20 %; else a manager's. */
  public static Authority authority(Kind kind, BigDecimal amount, Standing s) {
    BigDecimal limit = s.originalAmountDue().multiply(BigDecimal.valueOf(SUPERVISOR_SHARE_PERCENT))
        .divide(BigDecimal.valueOf(100));
    boolean withinShare = s.approvedWaivers().add(amount).compareTo(limit) <= 0;
    return (kind == Kind.PENALTY || kind == Kind.FEE) && withinShare ? Authority.SUPERVISOR : Authority.MANAGER;
  }
}
