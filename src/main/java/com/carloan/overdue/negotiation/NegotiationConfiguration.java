package com.carloan.overdue.negotiation;

import com.carloan.overdue.process.CollectionSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class NegotiationConfiguration {

  @Bean
  ApprovalPolicy approvalPolicy(CollectionSettings settings) {
    return new ApprovalPolicy(settings.approval().maxInstallmentsWithoutApproval(),
        settings.approval().maxDeferralDaysWithoutApproval());
  }
}
