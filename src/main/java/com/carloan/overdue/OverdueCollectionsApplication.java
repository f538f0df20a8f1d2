package com.carloan.overdue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OverdueCollectionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(OverdueCollectionsApplication.class, args);
  }
}
