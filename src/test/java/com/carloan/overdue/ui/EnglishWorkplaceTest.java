package com.carloan.overdue.ui;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the Chinese locale in place, a browser set to English still gets the English
 * workplace, with the labels of the shipped en.json. Screenshots:
 * {@code target/screenshots/EnglishWorkplaceTest/}.
 */
class EnglishWorkplaceTest extends LocalizedWorkplaceTest {

  @Override
  protected String language() {
    return "en-US";
  }

  @Override
  protected String locale() {
    return "en";
  }

  @Override
  protected String productName() {
    return "Collections";
  }

  @Override
  protected void assertInLanguage(String what, String shown) {
    assertThat(shown).as("%s in English", what).containsPattern("[A-Za-z]").doesNotContainPattern("\\p{IsHan}");
  }
}
