package com.carloan.overdue.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeXmlTest {

  @Test
  void readsTheFieldsOfWeComsFlatXml() {
    var fields = SafeXml.fields("<xml><Event><![CDATA[change_external_contact]]></Event>"
        + "<CreateTime>1403610513</CreateTime><State> c1 </State></xml>");

    assertThat(fields).containsEntry("Event", "change_external_contact").containsEntry("CreateTime", "1403610513")
        .containsEntry("State", "c1");
  }

  @Test
  void refusesExternalEntitiesAndEntityExpansion() {
    assertThatThrownBy(() -> SafeXml.fields("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM "
        + "\"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeXml.fields("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
        + "<xml><Encrypt>&b;</Encrypt></xml>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeXml.fields("<xml><a></xml>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafeXml.fields("")).isInstanceOf(IllegalArgumentException.class);
  }
}
