package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser set to Chinese gets the Chinese workplace. Every label must be the one of our
 * zh.json and written in Chinese: an English word in it, other than the name Camunda, means a label
 * fell back or was never translated. Screenshots: {@code target/screenshots/ChineseWorkplaceTest/}.
 */
class ChineseWorkplaceTest extends LocalizedWorkplaceTest {

  @Override
  protected String language() {
    return "zh-CN";
  }

  @Override
  protected String locale() {
    return "zh";
  }

  @Override
  protected String productName() {
    return "催收工作台";
  }

  @Override
  protected void assertInLanguage(String what, String shown) {
    assertThat(shown).as("%s in Chinese", what).containsPattern("\\p{IsHan}");
    assertThat(shown.replace("Camunda", "")).as("%s without English", what).doesNotContainPattern("[A-Za-z]");
  }
}
