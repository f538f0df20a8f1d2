package com.carloan.overdue.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese font the evidence pack is set in, embedded as a subset so the PDF reads the same on a
 * court clerk's machine. By default Noto Sans SC Regular, which the build puts on the classpath, so no
 * OS font is needed; {@code collections.evidence-pack.font-path} may name an OS font instead. PDFBox can
 * subset only TrueType outlines: Noto Sans CJK's {@code .otf}/{@code .ttc} ship CFF and do not work. A
 * {@code .ttc} names its face by PostScript name ({@code font-name}).
 *
 * <p>The font is tried at start-up (opened, a line of the pack's Chinese set in it, subset): a font that
 * fails is logged as an ERROR and reported DEGRADED by {@link EvidencePackFontHealthIndicator}; the
 * application still starts, and {@code compileEvidencePack} fails with an incident naming the font.
 */
@Component
class EvidencePackFont {

  static final String BUNDLED = "fonts/noto-sans-sc/NotoSansSC_400Regular.ttf";
  private static final String SAMPLE = "证据材料 Evidence pack 贷款编号 ¥8,500.00 征信业管理条例";
  private static final Logger log = LoggerFactory.getLogger(EvidencePackFont.class);

  private final Path path;
  private final String faceName;
  /** Read from the classpath when a pack is compiled, not held: 10 MB of heap for a rare legal step. */
  private final boolean bundled;
  private final String source;
  private volatile Check checked;

  /** What the last check found: the face's PostScript name, or why the font cannot set the pack's text. */
  private record Check(String name, String problem) {}

  EvidencePackFont(@Value("${collections.evidence-pack.font-path:}") String path,
      @Value("${collections.evidence-pack.font-name:}") String faceName) {
    this.path = path.isBlank() ? null : Path.of(path);
    this.faceName = faceName;
    this.source = path.isBlank() ? "classpath:" + BUNDLED : path;
    this.bundled = path.isBlank() && new ClassPathResource(BUNDLED).exists();
    this.checked = check();
    if (checked.problem() != null) {
      log.error("{}. compileEvidencePack fails (an incident) until collections.evidence-pack.font-path names a "
          + "readable CJK font with TrueType outlines, or is left empty for the bundled Noto Sans SC",
          checked.problem());
    } else {
      log.info("Evidence packs are set in {} ({})", checked.name(), source);
    }
  }

  /** Where the font comes from: a file path, or {@code classpath:} for the bundled one. */
  String source() {
    return source;
  }

  /** The face's PostScript name, when the font could set the pack's text. */
  Optional<String> name() {
    return Optional.ofNullable(checked.name());
  }

  /** Why the font cannot set the pack's text (naming the font); empty when it can. */
  Optional<String> problem() {
    return Optional.ofNullable(checked.problem());
  }

  /**
   * Opens the font; keep it open until the document is saved (subsetting happens on save). A font that
   * failed its check is checked again (it may have been installed since) and refused if it still fails,
   * rather than printing a pack of '?'.
   */
  FontFile open() {
    if (checked.problem() != null) {
      checked = check();
      if (checked.problem() != null) {
        throw new IllegalStateException(checked.problem());
      }
    }
    return openFile();
  }

  private FontFile openFile() {
    try {
      if (bundled) {
        return new FontFile(new TTFParser().parse(new RandomAccessReadBuffer(readBundled())), null, source);
      }
      if (path == null) {
        throw new IllegalStateException("Evidence-pack font " + source + " is missing from the build "
            + "(the Maven build installs it from src/main/fonts)");
      }
      if (!Files.isReadable(path)) {
        throw new IllegalStateException("Evidence-pack font " + source + " (collections.evidence-pack.font-path) "
            + "not found or unreadable");
      }
      if (isCollection()) {
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        TrueTypeFont face = faceName.isBlank() ? first(collection) : collection.getFontByName(faceName);
        if (face == null) {
          collection.close();
          throw new IllegalStateException("No face " + faceName + " in evidence-pack font collection " + source);
        }
        return new FontFile(face, collection, source);
      }
      return new FontFile(new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile())), null, source);
    } catch (IOException e) {
      throw new UncheckedIOException("Evidence-pack font " + source + " unreadable: " + e.getMessage(), e);
    }
  }

  private byte[] readBundled() throws IOException {
    try (InputStream in = new ClassPathResource(BUNDLED).getInputStream()) {
      return in.readAllBytes();
    }
  }

  // Sets a line of the pack's text in the font and subsets it, as a pack would.
  private Check check() {
    try (FontFile font = openFile()) {
      try (PDDocument document = new PDDocument()) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
          out.beginText();
          out.setFont(font.embedIn(document), 9f);
          out.showText(SAMPLE);
          out.endText();
        }
        document.save(OutputStream.nullOutputStream());
      } catch (RuntimeException | IOException e) {
        return new Check(null, "Evidence-pack font " + source + " cannot set the evidence pack's Chinese: "
            + e.getMessage());
      }
      return new Check(font.name(), null);
    } catch (RuntimeException | IOException e) {
      return new Check(null, e.getMessage());
    }
  }

  private boolean isCollection() {
    String file = path.getFileName().toString().toLowerCase();
    return file.endsWith(".ttc") || file.endsWith(".otc");
  }

  private static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
    TrueTypeFont[] first = new TrueTypeFont[1];
    collection.processAllFonts(font -> {
      if (first[0] == null) {
        first[0] = font;
      }
    });
    return first[0];
  }

  /** An open font file, to embed in one document. */
  static final class FontFile implements AutoCloseable {

    private final TrueTypeFont face;
    private final AutoCloseable owner;

    private FontFile(TrueTypeFont face, AutoCloseable owner, String source) throws IOException {
      if (face instanceof OpenTypeFont otf && otf.isPostScript()) {
        close(face, owner);
        throw new IllegalStateException("Evidence-pack font " + source + " has CFF (PostScript) outlines, which "
            + "PDFBox cannot subset: use a CJK font with TrueType outlines, such as the bundled Noto Sans SC");
      }
      this.face = face;
      this.owner = owner;
    }

    String name() throws IOException {
      return face.getName();
    }

    PDType0Font embedIn(PDDocument document) throws IOException {
      return PDType0Font.load(document, face, true);
    }

    @Override
    public void close() throws IOException {
      close(face, owner);
    }

    private static void close(TrueTypeFont face, AutoCloseable owner) throws IOException {
      try {
        if (owner != null) {
          owner.close();
        } else {
          face.close();
        }
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
