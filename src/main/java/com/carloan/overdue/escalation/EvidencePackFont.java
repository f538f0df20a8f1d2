package com.carloan.overdue.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font the evidence pack is set in, embedded as a subset so the PDF reads the same on a
 * court clerk's machine. PDFBox can subset only TrueType outlines, so the default is Debian's
 * WenQuanYi Micro Hei ({@code fonts-wqy-microhei}); Noto Sans CJK ships CFF outlines, which PDFBox 3.0
 * can neither subset nor embed from a collection. A {@code .ttc} names its face by PostScript name.
 */
@Component
class EvidencePackFont {

  private static final Logger log = LoggerFactory.getLogger(EvidencePackFont.class);

  private final Path path;
  private final String faceName;

  EvidencePackFont(@Value("${collections.evidence-pack.font-path}") String path,
      @Value("${collections.evidence-pack.font-name:}") String faceName) {
    this.path = Path.of(path);
    this.faceName = faceName;
    if (!Files.isReadable(this.path)) {
      log.warn("Evidence-pack font {} not found: compiling an evidence pack will fail until it is installed "
          + "(Debian: apt-get install fonts-wqy-microhei) or collections.evidence-pack.font-path names another", path);
    }
  }

  /** Opens the font file; keep it open until the document is saved (subsetting happens on save). */
  FontFile open() {
    try {
      if (isCollection()) {
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        TrueTypeFont face = faceName.isBlank() ? first(collection) : collection.getFontByName(faceName);
        if (face == null) {
          collection.close();
          throw new IllegalStateException("No face " + faceName + " in font collection " + path);
        }
        return new FontFile(face, collection, path);
      }
      return new FontFile(new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile())), null, path);
    } catch (IOException e) {
      throw new UncheckedIOException("Evidence-pack font " + path + " unreadable", e);
    }
  }

  private boolean isCollection() {
    String name = path.getFileName().toString().toLowerCase();
    return name.endsWith(".ttc") || name.endsWith(".otc");
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

    private FontFile(TrueTypeFont face, AutoCloseable owner, Path path) throws IOException {
      if (face instanceof OpenTypeFont otf && otf.isPostScript()) {
        close(face, owner);
        throw new IllegalStateException("Evidence-pack font " + path + " has CFF (PostScript) outlines, which "
            + "PDFBox cannot subset: use a TrueType-outline CJK font such as WenQuanYi Micro Hei");
      }
      this.face = face;
      this.owner = owner;
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
