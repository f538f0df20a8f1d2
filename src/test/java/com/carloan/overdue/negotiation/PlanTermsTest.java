package com.carloan.overdue.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The terms of {@code negotiatePlan} (CONTRACT §1.4) and the schedule {@code recordAgreement} stores. */
class PlanTermsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  private static final LocalDate FIRST = LocalDate.of(2026, 4, 15);

  private static InvalidPlanException rejected(ThrowingCallable parse) {
    InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class, parse);
    assertThat(e).as("InvalidPlanException").isNotNull();
    return e;
  }

  // --- parse: the values as Tasklist submits them ---

  static Stream<Arguments> wholeNumbersAsTasklistSubmitsThem() {
    return Stream.of(12, 12L, 12.0d, "12", " 12 ").map(n -> Arguments.of(n, n.getClass().getSimpleName()));
  }

  @ParameterizedTest(name = "installmentCount {0} as {1}")
  @MethodSource("wholeNumbersAsTasklistSubmitsThem")
  void installmentCountArrivesAsAnyNumberType(Object count, String type) {
    PlanTerms terms = PlanTerms.parse("INSTALLMENTS", count, null, "2026-04-01", TODAY);

    assertThat(terms).isEqualTo(new PlanTerms(PlanType.INSTALLMENTS, 12, 0, LocalDate.of(2026, 4, 1)));
  }

  @ParameterizedTest(name = "deferralDays {0} as {1}")
  @MethodSource("wholeNumbersAsTasklistSubmitsThem")
  void deferralDaysArriveAsAnyNumberType(Object days, String type) {
    PlanTerms terms = PlanTerms.parse("DEFERRAL", null, days, "2026-04-01", TODAY);

    assertThat(terms).isEqualTo(new PlanTerms(PlanType.DEFERRAL, 1, 12, LocalDate.of(2026, 4, 1)));
  }

  @Test
  void fullPaymentIsOneInstallmentWithoutDeferralWhateverElseWasSubmitted() {
    PlanTerms terms = PlanTerms.parse("FULL_PAYMENT", 12, 45, "2026-04-01", TODAY);

    assertThat(terms).isEqualTo(new PlanTerms(PlanType.FULL_PAYMENT, 1, 0, LocalDate.of(2026, 4, 1)));
  }

  @Test
  void installmentsIgnoreASubmittedDeferralAndDeferralIgnoresACount() {
    assertThat(PlanTerms.parse("INSTALLMENTS", 3, 45, "2026-04-01", TODAY).deferralDays()).isZero();
    assertThat(PlanTerms.parse("DEFERRAL", 12, 45, "2026-04-01", TODAY).installmentCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "installmentCount {0}")
  @ValueSource(ints = {1, 24})
  void installmentCountBoundsAreAccepted(int count) {
    assertThat(PlanTerms.parse("INSTALLMENTS", count, null, "2026-04-01", TODAY).installmentCount()).isEqualTo(count);
  }

  @ParameterizedTest(name = "deferralDays {0}")
  @ValueSource(ints = {0, 90})
  void deferralDayBoundsAreAccepted(int days) {
    assertThat(PlanTerms.parse("DEFERRAL", null, days, "2026-04-01", TODAY).deferralDays()).isEqualTo(days);
  }

  static Stream<Object> badInstallmentCounts() {
    return Stream.of(0, 25, -1, 1.5d, 24.5d, "1.5", "three", "", null, 3_000_000_000L, Double.NaN);
  }

  @ParameterizedTest(name = "installmentCount {0}")
  @MethodSource("badInstallmentCounts")
  void installmentCountOutsideOneToTwentyFourOrNotWholeIsRejected(Object count) {
    InvalidPlanException e = rejected(() -> PlanTerms.parse("INSTALLMENTS", count, null, "2026-04-01", TODAY));

    assertThat(e.problems()).singleElement().asString().contains("installmentCount");
  }

  static Stream<Object> badDeferralDays() {
    return Stream.of(-1, 91, 1.5d, "1.5", "soon", null);
  }

  @ParameterizedTest(name = "deferralDays {0}")
  @MethodSource("badDeferralDays")
  void deferralDaysOutsideZeroToNinetyOrNotWholeAreRejected(Object days) {
    InvalidPlanException e = rejected(() -> PlanTerms.parse("DEFERRAL", null, days, "2026-04-01", TODAY));

    assertThat(e.problems()).singleElement().asString().contains("deferralDays");
  }

  @ParameterizedTest(name = "planType {0}")
  @CsvSource(value = {"WEEKLY", "installments", "''", "NULL"}, nullValues = "NULL")
  void unknownPlanTypeIsRejected(String type) {
    InvalidPlanException e = rejected(() -> PlanTerms.parse(type, 3, 0, "2026-04-01", TODAY));

    assertThat(e.problems()).singleElement().asString().contains("planType");
  }

  @ParameterizedTest(name = "firstDueDate {0}")
  @CsvSource(value = {"2026/04/01", "01.04.2026", "2026-4-1", "2026-02-30", "tomorrow", "''", "NULL"}, nullValues = "NULL")
  void firstDueDateMustBeAnIsoDate(String date) {
    InvalidPlanException e = rejected(() -> PlanTerms.parse("FULL_PAYMENT", null, null, date, TODAY));

    assertThat(e.problems()).singleElement().asString().contains("firstDueDate").contains("yyyy-MM-dd");
  }

  @Test
  void firstDueDateTodayIsAcceptedYesterdayIsRejected() {
    assertThat(PlanTerms.parse("FULL_PAYMENT", null, null, "2026-03-10", TODAY).firstDueDate()).isEqualTo(TODAY);

    InvalidPlanException e = rejected(() -> PlanTerms.parse("FULL_PAYMENT", null, null, "2026-03-09", TODAY));
    assertThat(e.problems()).singleElement().asString().contains("firstDueDate").contains("past");
  }

  @Test
  void aDateValueIsReadThroughItsIsoText() {
    assertThat(PlanTerms.parse("FULL_PAYMENT", null, null, LocalDate.of(2026, 4, 1), TODAY).firstDueDate())
        .isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    InvalidPlanException installments = rejected(() -> PlanTerms.parse("INSTALLMENTS", 1.5d, null, "2026-03-09", TODAY));
    assertThat(installments.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("installmentCount"))
        .anySatisfy(p -> assertThat(p).contains("firstDueDate"));

    InvalidPlanException deferral = rejected(() -> PlanTerms.parse("DEFERRAL", null, 91, "1 April", TODAY));
    assertThat(deferral.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("deferralDays"))
        .anySatisfy(p -> assertThat(p).contains("firstDueDate"));

    InvalidPlanException unknown = rejected(() -> PlanTerms.parse("MONTHLY", 99, 999, null, TODAY));
    assertThat(unknown.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("planType"))
        .anySatisfy(p -> assertThat(p).contains("firstDueDate"));
    // Tasklist shows the exception message: it names every problem too.
    assertThat(unknown).hasMessageContainingAll("planType", "firstDueDate");
  }
  // --- schedule ---

  @Test
  void fullPaymentIsOneInstallmentOnTheFirstDueDate() {
    List<Installment> schedule = new PlanTerms(PlanType.FULL_PAYMENT, 1, 0, FIRST).schedule(new BigDecimal("8500.00"));

    assertThat(schedule).containsExactly(new Installment(1, FIRST, new BigDecimal("8500.00")));
  }

  @Test
  void deferralIsOneInstallmentDeferralDaysAfterTheFirstDueDate() {
    List<Installment> schedule = new PlanTerms(PlanType.DEFERRAL, 1, 45, FIRST).schedule(new BigDecimal("8500.00"));

    assertThat(schedule).containsExactly(new Installment(1, LocalDate.of(2026, 5, 30), new BigDecimal("8500.00")));
  }

  @Test
  void deferralOfZeroDaysIsDueOnTheFirstDueDate() {
    assertThat(new PlanTerms(PlanType.DEFERRAL, 1, 0, FIRST).schedule(new BigDecimal("100")))
        .containsExactly(new Installment(1, FIRST, new BigDecimal("100.00")));
  }

  @Test
  void installmentsAreMonthlyWithTheRemainderOnTheLast() {
    List<Installment> schedule = new PlanTerms(PlanType.INSTALLMENTS, 3, 0, FIRST).schedule(new BigDecimal("1000.00"));

    assertThat(schedule).containsExactly(
        new Installment(1, LocalDate.of(2026, 4, 15), new BigDecimal("333.33")),
        new Installment(2, LocalDate.of(2026, 5, 15), new BigDecimal("333.33")),
        new Installment(3, LocalDate.of(2026, 6, 15), new BigDecimal("333.34")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"1000.00, 3", "8500.00, 7", "0.05, 2", "0.24, 24", "99999.99, 24", "100000, 6", "1234.56, 1", "7, 11"})
  void installmentsAddUpToTheAmountToTheCent(BigDecimal amount, int count) {
    List<Installment> schedule = new PlanTerms(PlanType.INSTALLMENTS, count, 0, FIRST).schedule(amount);

    assertThat(schedule).hasSize(count);
    assertThat(schedule).extracting(Installment::seq).containsExactlyElementsOf(
        Stream.iterate(1, i -> i + 1).limit(count).toList());
    assertThat(schedule).allSatisfy(i -> assertThat(i.amount().scale()).isEqualTo(2));
    BigDecimal sum = schedule.stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(amount);
    // all equal but the last, which carries less than one cent per installment more
    BigDecimal each = schedule.get(0).amount();
    assertThat(schedule.subList(0, count - 1)).allSatisfy(i -> assertThat(i.amount()).isEqualTo(each));
    BigDecimal remainder = schedule.get(count - 1).amount().subtract(each);
    assertThat(remainder).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThan(new BigDecimal("0.01").multiply(BigDecimal.valueOf(count)));
  }

  @Test
  void monthlyDatesFromTheThirtyFirstFallOnMonthEndsWithoutDrifting() {
    List<Installment> schedule = new PlanTerms(PlanType.INSTALLMENTS, 4, 0, LocalDate.of(2027, 1, 31))
        .schedule(new BigDecimal("400.00"));

    assertThat(schedule).extracting(Installment::dueDate).containsExactly(
        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
  }

  @Test
  void monthlyDatesFromTheThirtyFirstUseLeapDays() {
    assertThat(new PlanTerms(PlanType.INSTALLMENTS, 2, 0, LocalDate.of(2028, 1, 31)).schedule(new BigDecimal("2.00")))
        .extracting(Installment::dueDate).containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29));
  }

  @Test
  void twentyFourInstallmentsSpanTwoYears() {
    List<Installment> schedule = new PlanTerms(PlanType.INSTALLMENTS, 24, 0, LocalDate.of(2026, 12, 31))
        .schedule(new BigDecimal("2400.00"));

    assertThat(schedule.get(23).dueDate()).isEqualTo(LocalDate.of(2028, 11, 30));
  }

  @ParameterizedTest(name = "amount {0}")
  @ValueSource(strings = {"0", "0.00", "-1.00"})
  void nothingToScheduleIsRejected(BigDecimal amount) {
    assertThatThrownBy(() -> new PlanTerms(PlanType.INSTALLMENTS, 3, 0, FIRST).schedule(amount))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PlanTerms(PlanType.FULL_PAYMENT, 1, 0, FIRST).schedule(amount))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boundsAreTheContractsOnes() {
    assertThat(PlanTerms.MAX_INSTALLMENTS).isEqualTo(24);
    assertThat(PlanTerms.MAX_DEFERRAL_DAYS).isEqualTo(90);
  }
}
