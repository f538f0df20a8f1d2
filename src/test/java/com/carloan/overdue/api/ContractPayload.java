package com.carloan.overdue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The contract's example intake payload, as the loan system sends it; every test that opens a case from JSON starts here. */
public final class ContractPayload {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** MEDIUM risk, WeChat contact. */
  private static final String EXAMPLE = """
      {"loanId": "L-2026-000123",
       "borrower": {"name": "张三", "phone": "13812345678", "idNumber": "11010519491231002X"},
       "vehicle": {"plate": "京A12345", "vin": "LSVAU2180N2183294", "status": "NORMAL"},
       "overdueAmount": 8500.00, "outstandingPrincipal": 96000.00,
       "daysPastDue": 15, "priorOverdueCount": 1}""";

  private ContractPayload() {}

  /** The example for this loan. */
  public static ObjectNode example(String loanId) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(EXAMPLE);
      body.put("loanId", loanId);
      return body;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The example for this loan and borrower phone: the daily contact cap counts per borrower. */
  public static ObjectNode example(String loanId, String phone) {
    ObjectNode body = example(loanId);
    ((ObjectNode) body.get("borrower")).put("phone", phone);
    return body;
  }

  /** The example with the case's own figures. */
  public static ObjectNode of(String loanId, String phone, int daysPastDue, String overdueAmount,
      int priorOverdueCount, String vehicleStatus) {
    ObjectNode body = example(loanId, phone);
    ((ObjectNode) body.get("vehicle")).put("status", vehicleStatus);
    body.put("overdueAmount", new BigDecimal(overdueAmount));
    body.put("daysPastDue", daysPastDue);
    body.put("priorOverdueCount", priorOverdueCount);
    return body;
  }
}
