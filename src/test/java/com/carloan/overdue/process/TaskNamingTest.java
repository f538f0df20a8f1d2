package com.carloan.overdue.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskNamingTest {

  @Test
  void theChinesePartOfTheModelNameNamesTheStep() {
    assertThat(TaskNaming.stepName("Call the borrower 致电借款人")).isEqualTo("致电借款人");
    assertThat(TaskNaming.stepName("Approve the plan (four eyes) 方案审批")).isEqualTo("方案审批");
  }

  @Test
  void aNameWithoutChineseStaysWhole() {
    assertThat(TaskNaming.stepName(" Call the borrower ")).isEqualTo("Call the borrower");
  }
}
