import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes an import file of N valid, distinct cases to standard output:
 * {@code java bench/GenerateCases.java 100000 PREFIX > cases.csv}. A mix of strategies as a real day's
 * list has: reminders, WeChat contact and escalations.
 */
public class GenerateCases {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    String prefix = args.length > 1 ? args[1] : "B-";
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      out.write("loanId,borrowerName,borrowerPhone,borrowerIdNumber,vehiclePlate,vehicleVin,vehicleStatus,"
          + "overdueAmount,outstandingPrincipal,daysPastDue,priorOverdueCount\r\n");
      for (int n = 0; n < rows; n++) {
        int days = n % 10 == 0 ? 120 : n % 3 == 0 ? 5 : 15;
        out.write(prefix + n + ",借款人" + n + ",138" + String.format("%08d", n) + "," + idNumber(n) + ",京A"
            + String.format("%05d", n % 100_000) + "," + vin(n) + ",NORMAL," + (5000 + n % 1000) + ".50,96000.00,"
            + days + "," + (n % 3 == 0 ? 0 : 1) + "\r\n");
      }
    }
  }

  private static String idNumber(int n) {
    String first17 = "110105" + "19800101" + String.format("%03d", n % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  private static String vin(int n) {
    StringBuilder vin = new StringBuilder("LSVAU2180N");
    for (int i = 0, v = n; i < 7; i++, v /= VIN_CHARS.length()) {
      vin.append(VIN_CHARS.charAt(v % VIN_CHARS.length()));
    }
    return vin.toString();
  }
}
