package dev.qbmc.mailchimp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.internal.TarGz;
import dev.qbmc.mailchimp.model.BatchResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a batch results archive: a gzipped tar of JSON files, each an array of
 * {@code {status_code, operation_id, response}} where {@code response} is a JSON document as a
 * string. Streamed: each file is parsed result by result as it is decompressed, within
 * {@link #MAX_FILE_BYTES} per file and {@link #MAX_TOTAL_BYTES} for the whole archive.
 */
final class BatchResultsArchive {
  /** The largest decompressed file of an archive (32 MiB; Mailchimp writes a few MB at most). */
  static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
  /** The largest decompressed archive (128 MiB). */
  static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

  private BatchResultsArchive() {}

  /**
   * The results of an archive, in archive order.
   *
   * @param archive the .tar.gz bytes
   * @return the results
   * @throws MailchimpMalformedResponseException if the archive cannot be read or exceeds a limit
   */
  static List<BatchResult> read(byte[] archive) {
    List<BatchResult> results = new ArrayList<>();
    try {
      TarGz.forEachFile(new ByteArrayInputStream(archive), MAX_FILE_BYTES, MAX_TOTAL_BYTES, (name, content) -> {
        if (name.endsWith(".json")) {
          readFile(name, content, results);
        }
      });
    } catch (IOException e) {
      throw new MailchimpMalformedResponseException("could not read the batch results archive: " + e.getMessage(), e);
    }
    return List.copyOf(results);
  }

  private static void readFile(String name, InputStream content, List<BatchResult> results) throws IOException {
    try (JsonParser parser = MailchimpJson.mapper().getFactory().createParser(content)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException(name + " is not a JSON array");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == null) {
          throw new IOException(name + " ends inside its array");
        }
        JsonNode r = parser.readValueAsTree();
        results.add(result(r));
      }
    }
  }

  /** One result; missing or odd values become status 0 (not a success) and an empty body. */
  private static BatchResult result(JsonNode r) {
    JsonNode response = r.path("response");
    String body = response.isTextual() ? response.asText()
        : response.isMissingNode() || response.isNull() ? "" : response.toString();
    JsonNode id = r.path("operation_id");
    JsonNode status = r.path("status_code");
    return BatchResult.builder()
        .statusCode(status.canConvertToInt() ? status.asInt() : 0)
        .operationId(id.isTextual() || id.isNumber() ? Optional.of(id.asText()) : Optional.empty())
        .body(body)
        .build();
  }
}
