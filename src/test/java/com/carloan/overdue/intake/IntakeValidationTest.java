package com.carloan.overdue.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.carloan.overdue.api.FieldError;
import com.carloan.overdue.intake.CaseIntake.Borrower;
import com.carloan.overdue.intake.CaseIntake.Vehicle;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The field rules of {@code POST /api/cases} (CONTRACT §2), each failure reported, all at once. */
class IntakeValidationTest {

  /** The contract's example payload. */
  private static final CaseIntake EXAMPLE = new CaseIntake("L-2026-000123",
      new Borrower("张三", "13812345678", "11010519491231002X"),
      new Vehicle("京A12345", "LSVAU2180N2183294", "NORMAL"),
      new BigDecimal("8500.00"), new BigDecimal("96000.00"), 15, 1);

  private static List<String> invalidFields(CaseIntake intake) {
    return IntakeValidation.check(intake).stream().map(FieldError::field).toList();
  }

  private static CaseIntake withLoanId(String loanId) {
    return new CaseIntake(loanId, EXAMPLE.borrower(), EXAMPLE.vehicle(), EXAMPLE.overdueAmount(),
        EXAMPLE.outstandingPrincipal(), EXAMPLE.daysPastDue(), EXAMPLE.priorOverdueCount());
  }

  private static CaseIntake withBorrower(UnaryOperator<Borrower> change) {
    return new CaseIntake(EXAMPLE.loanId(), change.apply(EXAMPLE.borrower()), EXAMPLE.vehicle(), EXAMPLE.overdueAmount(),
        EXAMPLE.outstandingPrincipal(), EXAMPLE.daysPastDue(), EXAMPLE.priorOverdueCount());
  }

  private static CaseIntake withVehicle(UnaryOperator<Vehicle> change) {
    return new CaseIntake(EXAMPLE.loanId(), EXAMPLE.borrower(), change.apply(EXAMPLE.vehicle()), EXAMPLE.overdueAmount(),
        EXAMPLE.outstandingPrincipal(), EXAMPLE.daysPastDue(), EXAMPLE.priorOverdueCount());
  }

  private static CaseIntake withAmounts(BigDecimal overdueAmount, BigDecimal outstandingPrincipal) {
    return new CaseIntake(EXAMPLE.loanId(), EXAMPLE.borrower(), EXAMPLE.vehicle(), overdueAmount, outstandingPrincipal,
        EXAMPLE.daysPastDue(), EXAMPLE.priorOverdueCount());
  }

  private static CaseIntake withCounts(Integer daysPastDue, Integer priorOverdueCount) {
    return new CaseIntake(EXAMPLE.loanId(), EXAMPLE.borrower(), EXAMPLE.vehicle(), EXAMPLE.overdueAmount(),
        EXAMPLE.outstandingPrincipal(), daysPastDue, priorOverdueCount);
  }

  @Test
  void theContractsExamplePayloadIsValid() {
    assertThat(IntakeValidation.check(EXAMPLE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"L", "L-2026-000123", "loan_2026-abc", "123456789012345678901234567890"})
  void loanIdOfOneToThirtyAllowedCharactersIsAccepted(String loanId) {
    assertThat(invalidFields(withLoanId(loanId))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1234567890123456789012345678901", "L 2026", "L/2026", "L.2026", "贷款2026", "L-2026\n", "../etc"})
  void loanIdOutsideTheRuleIsRejected(String loanId) {
    assertThat(invalidFields(withLoanId(loanId))).containsExactly("loanId");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "+8613812345678", "138-1234-5678"})
  void aPhoneThatIsNoMainlandMobileNumberIsRejected(String phone) {
    assertThat(invalidFields(withBorrower(b -> new Borrower(b.name(), phone, b.idNumber()))))
        .containsExactly("borrower.phone");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "110105194912310021", // wrong check digit
      "11010519491231002x", // lowercase x
      "110105194902300012", // 30 February
      "11010519491231002", "110105194912310020X"})
  void anIdNumberWithoutAValidCheckDigitOrBirthDateIsRejected(String idNumber) {
    assertThat(invalidFields(withBorrower(b -> new Borrower(b.name(), b.phone(), idNumber))))
        .containsExactly("borrower.idNumber");
  }

  @Test
  void anotherValidIdNumberIsAccepted() {
    assertThat(invalidFields(withBorrower(b -> new Borrower(b.name(), b.phone(), "320102198511111239")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"张三${bean.run()}", "${execution.setVariable('x', 1)}", "#{systemProperties}", "李四 #{1+1}"})
  void expressionSyntaxInTheBorrowerNameIsRejected(String name) {
    List<FieldError> errors = IntakeValidation.check(withBorrower(b -> new Borrower(name, b.phone(), b.idNumber())));

    assertThat(errors).extracting(FieldError::field).containsExactly("borrower.name");
    assertThat(errors.get(0).message()).contains("expression");
  }

  @ParameterizedTest
  @ValueSource(strings = {"王$小明", "O'Brien #2", "欧阳{娜娜}", "Zhang San"})
  void aNameWithDollarHashOrBracesApartIsAccepted(String name) {
    assertThat(invalidFields(withBorrower(b -> new Borrower(name, b.phone(), b.idNumber())))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "张三\u0000"})
  void aMissingOrBrokenBorrowerNameIsRejected(String name) {
    assertThat(invalidFields(withBorrower(b -> new Borrower(name, b.phone(), b.idNumber()))))
        .containsExactly("borrower.name");
  }

  @Test
  void missingBorrowerOrVehicleIsReported() {
    CaseIntake neither = new CaseIntake(EXAMPLE.loanId(), null, null, EXAMPLE.overdueAmount(),
        EXAMPLE.outstandingPrincipal(), EXAMPLE.daysPastDue(), EXAMPLE.priorOverdueCount());

    assertThat(invalidFields(neither)).containsExactlyInAnyOrder("borrower", "vehicle");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LSVAU2180N2183294", "1HGCM82633A004352", "WVWZZZ1JZXW000001"})
  void aVinOfSeventeenAllowedCharactersIsAccepted(String vin) {
    assertThat(invalidFields(withVehicle(v -> new Vehicle(v.plate(), vin, v.status())))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "LSVAU2180N218329", "LSVAU2180N21832945", // 16 and 18 characters
      "LSVAU2180N218329I", "LSVAU2180N218329O", "LSVAU2180N218329Q", // I, O, Q look like 1 and 0
      "lsvau2180n2183294", "LSVAU2180N21832-4"})
  void aVinOtherwiseIsRejected(String vin) {
    assertThat(invalidFields(withVehicle(v -> new Vehicle(v.plate(), vin, v.status())))).containsExactly("vehicle.vin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NORMAL", "GPS_OFFLINE", "MISSING"})
  void theThreeVehicleStatusesAreAccepted(String status) {
    assertThat(invalidFields(withVehicle(v -> new Vehicle(v.plate(), v.vin(), status)))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"normal", "STOLEN", "GPS OFFLINE", " NORMAL"})
  void anyOtherVehicleStatusIsRejected(String status) {
    assertThat(invalidFields(withVehicle(v -> new Vehicle(v.plate(), v.vin(), status)))).containsExactly("vehicle.status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.01", "1", "8500.00", "8500.1", "8500.000", "99999.99"})
  void aPositiveOverdueAmountWithAtMostTwoDecimalsIsAccepted(BigDecimal amount) {
    assertThat(invalidFields(withAmounts(amount, EXAMPLE.outstandingPrincipal()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "-0.01", "-8500.00", "0.001", "8500.005"})
  void anOverdueAmountThatIsNotPositiveOrHasMoreThanTwoDecimalsIsRejected(BigDecimal amount) {
    assertThat(invalidFields(withAmounts(amount, EXAMPLE.outstandingPrincipal()))).containsExactly("overdueAmount");
  }

  @Test
  void aMissingOverdueAmountIsRejected() {
    assertThat(invalidFields(withAmounts(null, EXAMPLE.outstandingPrincipal()))).containsExactly("overdueAmount");
  }

  @ParameterizedTest(name = "daysPastDue {0}")
  @ValueSource(ints = {1, 15, 3650})
  void daysPastDueFromOneTo3650IsAccepted(int days) {
    assertThat(invalidFields(withCounts(days, 0))).isEmpty();
  }

  @ParameterizedTest(name = "daysPastDue {0}")
  @ValueSource(ints = {0, -1, 3651})
  void daysPastDueOutsideOneTo3650IsRejected(int days) {
    assertThat(invalidFields(withCounts(days, 0))).containsExactly("daysPastDue");
  }

  @ParameterizedTest(name = "priorOverdueCount {0}")
  @ValueSource(ints = {0, 1, 3, 100})
  void aPriorOverdueCountOfZeroOrMoreIsAccepted(int count) {
    assertThat(invalidFields(withCounts(15, count))).isEmpty();
  }

  @Test
  void aNegativeOrMissingPriorOverdueCountIsRejected() {
    assertThat(invalidFields(withCounts(15, -1))).containsExactly("priorOverdueCount");
    assertThat(invalidFields(withCounts(15, null))).containsExactly("priorOverdueCount");
  }

  @Test
  void aMissingDaysPastDueIsRejected() {
    assertThat(invalidFields(withCounts(null, 0))).containsExactly("daysPastDue");
  }

  @ParameterizedTest(name = "outstandingPrincipal {0}")
  @CsvSource(value = {"NULL, true", "0, true", "96000.00, true", "-1, false", "0.001, false"}, nullValues = "NULL")
  void outstandingPrincipalIsOptionalButNeverNegative(BigDecimal principal, boolean valid) {
    List<String> fields = invalidFields(withAmounts(EXAMPLE.overdueAmount(), principal));

    if (valid) {
      assertThat(fields).isEmpty();
    } else {
      assertThat(fields).containsExactly("outstandingPrincipal");
    }
  }

  @Test
  void aPayloadWithSeveralBadFieldsReportsEveryOne() {
    CaseIntake bad = new CaseIntake("L 2026/000123",
        new Borrower("${x}", "12812345678", "110105194912310021"),
        new Vehicle("京A12345", "LSVAU2180N218329O", "STOLEN"),
        new BigDecimal("8500.001"), new BigDecimal("96000.00"), 0, -1);

    List<FieldError> errors = IntakeValidation.check(bad);

    assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
        "loanId", "borrower.name", "borrower.phone", "borrower.idNumber", "vehicle.vin", "vehicle.status",
        "overdueAmount", "daysPastDue", "priorOverdueCount");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    assertThat(errors).allSatisfy(e -> assertThat(e.row()).isNull());
  }

  @Test
  void messagesDoNotEchoThePersonalDataThatWasRejected() {
    CaseIntake bad = withBorrower(b -> new Borrower(b.name(), "12812345678", "110105194912310021"));

    assertThat(IntakeValidation.check(bad)).allSatisfy(e -> assertThat(e.message())
        .doesNotContain("12812345678").doesNotContain("110105194912310021"));
  }
}
