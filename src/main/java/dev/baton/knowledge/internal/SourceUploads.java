package dev.baton.knowledge.internal;

import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** A file becomes a manual source: its text is extracted, its name (or the given title) becomes the title. */
@Service
public class SourceUploads {

    private final SourceService sources;

    SourceUploads(SourceService sources) {
        this.sources = sources;
    }

    public Source upload(UUID accountId, MultipartFile file, String title) {
        if (file == null || file.isEmpty()) {
            throw BatonException.badRequest("The uploaded file is empty.");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        String text = TextExtractor.extract(file.getOriginalFilename(), content);
        String sourceTitle = title == null || title.isBlank() ? TextExtractor.titleOf(file.getOriginalFilename()) : title;
        return sources.createManual(accountId, sourceTitle, text);
    }
}
