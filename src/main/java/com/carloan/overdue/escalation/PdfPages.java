package com.carloan.overdue.escalation;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Flowing text on A4 pages in one embedded font: wraps Chinese anywhere and Latin at spaces, starts a
 * new page when one is full, and keeps every body line it printed, so the document's text can be hashed.
 * Characters the font lacks print as '?', control characters as spaces.
 */
final class PdfPages {

  static final float BODY = 9f;
  static final float SMALL = 7.5f;
  private static final float MARGIN = 50f;
  private static final float TOP = 56f;
  private static final float FOOTER_ZONE = 62f;
  private static final float LEADING = 1.45f;
  static final Color INK = Color.BLACK;
  static final Color MUTED = new Color(0x6f, 0x6f, 0x6f);
  static final Color ACCENT = new Color(0x0f, 0x62, 0xfe);

  private final PDDocument document;
  private final PDType0Font font;
  private final List<PDPage> pages = new ArrayList<>();
  private final StringBuilder printed = new StringBuilder();
  private final Map<Integer, Boolean> encodable = new HashMap<>();
  private final Map<Integer, Float> widths = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  PdfPages(PDDocument document, PDType0Font font) {
    this.document = document;
    this.font = font;
    newPage();
  }

  float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  /** Every body line printed so far, one per line, as printed (after glyph substitution). */
  String printedText() {
    return printed.toString();
  }

  List<PDPage> pages() {
    return pages;
  }

  void title(String text, float size) {
    paragraph(text, size, 0, ACCENT);
  }

  void heading(String text) {
    space(8);
    keepTogether(60);
    paragraph(text, 12f, 0, ACCENT);
    rule();
  }

  void paragraph(String text, float size, float indent, Color color) {
    for (String line : wrap(text, size, width() - indent)) {
      line(line, size, MARGIN + indent, color);
    }
  }

  /** A label with its value beside it; the value wraps in its own column. */
  void field(String label, String value, float labelWidth) {
    List<String> lines = wrap(value == null || value.isBlank() ? "—" : value, BODY, width() - labelWidth);
    keepTogether(lines.size() * BODY * LEADING);
    for (int i = 0; i < lines.size(); i++) {
      ensureRoom(BODY * LEADING);
      y -= BODY * LEADING;
      String left = i == 0 ? printable(label) : "";
      draw(left, BODY, MARGIN, MUTED);
      draw(lines.get(i), BODY, MARGIN + labelWidth, INK);
      printed.append(left.isEmpty() ? "" : left + "\t").append(lines.get(i)).append('\n');
    }
  }

  void space(float points) {
    y -= points;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void keepTogether(float height) {
    if (y - height < FOOTER_ZONE && y < top()) {
      newPage();
    }
  }

  private static float top() {
    return PDRectangle.A4.getHeight() - TOP;
  }

  private void rule() {
    try {
      out.setStrokingColor(ACCENT);
      out.setLineWidth(0.6f);
      out.moveTo(MARGIN, y - 3);
      out.lineTo(MARGIN + width(), y - 3);
      out.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 6;
  }

  private void line(String text, float size, float x, Color color) {
    ensureRoom(size * LEADING);
    y -= size * LEADING;
    draw(text, size, x, color);
    printed.append(text).append('\n');
  }

  private void ensureRoom(float height) {
    if (y - height < FOOTER_ZONE) {
      newPage();
    }
  }

  private void draw(String text, float size, float x, Color color) {
    if (text.isEmpty()) {
      return;
    }
    try {
      out.beginText();
      out.setFont(font, size);
      out.setNonStrokingColor(color);
      out.newLineAtOffset(x, y);
      out.showText(text);
      out.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void newPage() {
    closeStream();
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    pages.add(page);
    try {
      out = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = top();
  }

  /** Draws each page's footer (now that the page count is known) and closes the last page. */
  void finish(String leftFooter, String hashLine) {
    closeStream();
    int total = pages.size();
    for (int i = 0; i < total; i++) {
      try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
          PDPageContentStream.AppendMode.APPEND, true)) {
        footer.setStrokingColor(MUTED);
        footer.setLineWidth(0.4f);
        footer.moveTo(MARGIN, 44);
        footer.lineTo(MARGIN + width(), 44);
        footer.stroke();
        String pageNo = printable("第 " + (i + 1) + " / " + total + " 页  Page " + (i + 1) + " of " + total);
        text(footer, printable(leftFooter), SMALL, MARGIN, 34);
        text(footer, pageNo, SMALL, MARGIN + width() - textWidth(pageNo, SMALL), 34);
        text(footer, printable(hashLine), SMALL, MARGIN, 24);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void text(PDPageContentStream stream, String text, float size, float x, float atY) throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.setNonStrokingColor(MUTED);
    stream.newLineAtOffset(x, atY);
    stream.showText(text);
    stream.endText();
  }

  private void closeStream() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out = null;
    }
  }

  /** Breaks text into lines that fit {@code maxWidth}: at a space in Latin text, anywhere in Chinese. */
  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String rest = printable(paragraph);
      while (textWidth(rest, size) > maxWidth) {
        int cut = fitting(rest, size, maxWidth);
        int space = rest.lastIndexOf(' ', cut);
        boolean latinBreak = cut < rest.length() && isLatin(rest.codePointAt(cut)) && space > cut / 2;
        int end = latinBreak ? space : cut;
        lines.add(rest.substring(0, end).stripTrailing());
        rest = rest.substring(latinBreak ? end + 1 : end);
      }
      lines.add(rest);
    }
    return lines;
  }

  // How many chars of text fit; at least one code point, so a line always advances.
  private int fitting(String text, float size, float maxWidth) {
    float used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      used += glyphWidth(cp) * size / 1000f;
      if (used > maxWidth) {
        break;
      }
      i += Character.charCount(cp);
    }
    return Math.max(i, Character.charCount(text.codePointAt(0)));
  }

  private static boolean isLatin(int codePoint) {
    return codePoint < 0x2E80 && !Character.isWhitespace(codePoint);
  }

  float textWidth(String text, float size) {
    float w = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      w += glyphWidth(text.codePointAt(i));
    }
    return w * size / 1000f;
  }

  private float glyphWidth(int codePoint) {
    return widths.computeIfAbsent(codePoint, cp -> {
      try {
        return font.getStringWidth(new String(Character.toChars(cp)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The text as this font can show it. */
  String printable(String text) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\t') {
        s.append("    ");
      } else if (Character.isISOControl(cp)) {
        s.append(' ');
      } else if (encodable.computeIfAbsent(cp, this::canEncode)) {
        s.appendCodePoint(cp);
      } else {
        s.append('?');
      }
    });
    return s.toString();
  }

  private boolean canEncode(int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
