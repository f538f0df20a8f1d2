package com.carloan.overdue.contact;

/** The texts the process sends; each names the lender, the loan and why we write. */
public enum SmsTemplate {
  PAYMENT_REMINDER("【%1$s】%2$s您好，您的车贷（合同号%3$s）已逾期%4$d天，逾期金额%5$s元。请尽快还款；如已还款，请忽略本短信。"),
  WECOM_REQUEST("【%1$s】%2$s您好，关于您车贷（合同号%3$s）逾期%5$s元的还款安排，请添加我司官方企业微信与客户经理沟通还款方案："
      + "%6$s 。我司只通过公司企业微信账号联系您，不会使用个人微信。"),
  AGREEMENT_CONFIRMATION("【%1$s】%2$s您好，您已就车贷（合同号%3$s）与我司达成还款协议：%6$s。请按期还款，谢谢配合。"),
  CREDIT_REPORT_NOTICE("【%1$s】%2$s您好，您的车贷（合同号%3$s）逾期%5$s元尚未结清。依据《征信业管理条例》第十五条，"
      + "我司将向金融信用信息基础数据库报送相关不良信息。如有异议或需协商还款，请联系我司企业微信客户经理。");

  private final String pattern;

  SmsTemplate(String pattern) {
    this.pattern = pattern;
  }

  String render(String lender, String borrowerName, String loanId, int daysPastDue, String amount, String detail) {
    return String.format(pattern, lender, borrowerName, loanId, daysPastDue, amount, detail == null ? "" : detail);
  }
}
