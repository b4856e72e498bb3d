package dev.baton.knowledge.internal;

import dev.baton.shared.BatonException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads the text out of an uploaded file: plain text and Markdown as they are, PDF with PDFBox, DOCX with POI. */
final class TextExtractor {

    static final String SUPPORTED = ".txt, .md, .pdf or .docx";

    private TextExtractor() {
    }

    static String extract(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")) {
                return utf8(content);
            }
            if (name.endsWith(".pdf")) {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
            if (name.endsWith(".docx")) {
                try (var docx = new XWPFDocument(new ByteArrayInputStream(content));
                     var extractor = new XWPFWordExtractor(docx)) {
                    return extractor.getText();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw BatonException.unprocessable("'" + filename + "' could not be read as " + extension(name)
                    + ": the file looks damaged or is not what its name says.");
        }
        throw BatonException.unsupportedMediaType("'" + filename + "' is not a supported file type. Upload a "
                + SUPPORTED + " file.");
    }

    static String titleOf(String filename) {
        String name = filename == null || filename.isBlank() ? "Uploaded file" : filename;
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String utf8(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "text" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }
}
