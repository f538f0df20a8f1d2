package com.carloan.overdue.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.carloan.overdue.common.Hashes;
import com.carloan.overdue.communication.Communication;
import com.carloan.overdue.communication.CommunicationLog;
import com.carloan.overdue.intake.LoanCases;
import com.carloan.overdue.process.ProcessTestSupport;
import com.carloan.overdue.record.complaint.Complaints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The evidence pack (证据材料) as a court clerk gets it: a PDF, opened and read here with PDFBox. */
class EvidencePackTest extends ProcessTestSupport {

  @Autowired EvidencePacks packs;
  @Autowired CommunicationLog communications;
  @Autowired LoanCases cases;
  @Autowired Complaints complaints;

  /** Verified and willing, then negotiation fails: the pack has a verification result and a notice. */
  private ProcessInstance caseGoingToCourt() {
    ProcessInstance pi = caseAtNegotiation();
    communications.append(cases.requireActive(loanId(pi)), CommunicationLog.Channel.WECHAT,
        CommunicationLog.Direction.INBOUND, "借款人：这个月工资还没发，下月十五号前先还三千。😀", "agent1");
    agentCompletes(pi, "negotiatePlan", Map.of("negotiationOutcome", "FAILED", "negotiationNotes", "只愿还一半"));
    outbox.dispatchDue();
    decideEscalation(pi, "LEGAL_ACTION");
    assertThat(pi).hasPassed("notifyCreditReport", "compileEvidencePack").isWaitingAt("handleLitigation");
    return pi;
  }

  private EvidencePacks.Pack packOf(ProcessInstance pi) {
    return packs.read(((Number) variable(pi, "evidencePackId")).longValue());
  }

  @Test
  void evidencePackIsAPdfWithTheWholeCaseInChinese() throws IOException {
    ProcessInstance pi = caseGoingToCourt();
    EvidencePacks.Pack pack = packOf(pi);
    List<Communication> messages = communications.list(cases.findLatest(loanId(pi)).orElseThrow().id());

    assertThat(Hashes.sha256(pack.pdf())).isEqualTo(pack.sha256());
    try (PDDocument pdf = Loader.loadPDF(pack.pdf())) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(1);
      String text = new PDFTextStripper().getText(pdf);

      assertThat(text).contains(loanId(pi), "证据材料", "Evidence pack", "案件摘要", "张三", "¥8,500.00",
          "协商失败 Negotiation failed (NEGOTIATION_FAILED)");
      // the credit-report notice: when, and the text the borrower was sent
      assertThat(text).contains("征信报送前告知", "告知时间 Notice given", "2026-12-01 10:00", "已发送 Sent",
          "依据《征信业管理条例》第十五条");
      // the verification result from the timeline
      assertThat(text).contains("身份已核实 Identity verified", "是 Yes", "逾期原因 Overdue reason",
          "经济困难 Economic hardship (ECONOMIC_HARDSHIP)", "还款意愿 Willing to repay", "收入下降", owner(pi));
      // the timeline with who decided what
      assertThat(text).contains("处理经过", "negotiationOutcome = FAILED", "escalationAction = LEGAL_ACTION",
          "supervisor1");
      // every communication, in order, with its hash; what the font lacks prints as '?'
      assertThat(messages).hasSizeGreaterThanOrEqualTo(4);
      List<Integer> positions = new ArrayList<>();
      for (Communication m : messages) {
        assertThat(text).contains("SHA-256 " + m.hash());
        positions.add(text.lastIndexOf("SHA-256 " + m.hash()));
      }
      assertThat(positions).isSorted();
      assertThat(text).contains("下月十五号前先还三千。?", "PHONE OUTBOUND (" + owner(pi) + ")", "WECHAT INBOUND (agent1)");
      assertThat(text).contains("校验通过 verified", messages.get(messages.size() - 1).hash());
      // footer on every page: page number and the text's SHA-256 as stored
      for (int page = 1; page <= pages; page++) {
        assertThat(text).contains("第 " + page + " / " + pages + " 页");
      }
      assertThat(pack.textSha256()).matches("[0-9a-f]{64}");
      assertThat(text.split("Text hash: " + pack.textSha256(), -1)).hasSize(pages + 1);

      assertThat(embeddedFonts(pdf)).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).contains("NotoSansSC");
      });
      renderFirstPage(pdf);
      Files.write(Path.of("target", "evidence-pack.pdf"), pack.pdf());
    }
  }

  @Test
  void evidencePackHoldsTheCollectionNotesAndEveryComplaintWithItsHandling() throws IOException {
    ProcessInstance pi = caseAtNegotiation();
    complaints.receive(cases.requireActive(loanId(pi)), "REGULATOR", "CONDUCT", "借款人称催收员夜间来电", "loansys");
    supervisorCompletes(pi, "handleComplaint", Map.of("complaintResolution", "REJECTED",
        "complaintResponse", "通话记录显示来电均在八点至二十一点之间"));
    agentCompletes(pi, "negotiatePlan", Map.of("negotiationOutcome", "FAILED", "negotiationNotes", "只愿还一半"));
    decideEscalation(pi, "LEGAL_ACTION");

    try (PDDocument pdf = Loader.loadPDF(packOf(pi).pdf())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      // the call's note, as the agent's call result recorded it
      assertThat(text).contains("七、催记 Collection notes (1)", "PHONE · BORROWER · ANSWERED · NEGOTIATING (" + owner(pi) + ")");
      assertThat(text).contains("八、投诉及处理 Complaints and their handling (1)", "REGULATOR · CONDUCT (loansys)",
          "借款人称催收员夜间来电", "REJECTED (supervisor1)", "通话记录显示来电均在八点至二十一点之间");
    }
  }

  @Test
  void packIsStoredEncrypted() {
    ProcessInstance pi = caseGoingToCourt();
    long id = ((Number) variable(pi, "evidencePackId")).longValue();

    String stored = jdbc.queryForObject("select content_cipher from evidence_pack where id = ?", String.class, id);
    assertThat(stored).startsWith("dev1:").doesNotContain("JVBERi0"); // not the Base64 of "%PDF-"
    assertThat(packs.read(id).pdf()).startsWith("%PDF-".getBytes());
  }

  private static List<PDFont> embeddedFonts(PDDocument pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (var name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }
    }
    return fonts;
  }

  /** For a person to look at: target/evidence-pack.png (and the PDF beside it). */
  private static void renderFirstPage(PDDocument pdf) throws IOException {
    BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
    Path png = Path.of("target", "evidence-pack.png");
    Files.createDirectories(png.getParent());
    ImageIO.write(image, "png", png.toFile());
    assertThat(image.getHeight()).isGreaterThan(image.getWidth());
  }
}
