package io.github.nst4j.weights.download;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a URL into a part file, continuing the part when the server supports ranges. */
final class PartTransfer {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final URI uri;
    private final Path part;
    private final Checksum checksum;
    private final DownloadListener listener;
    private final HttpGet http;
    private final byte[] buffer = new byte[BUFFER_BYTES];

    PartTransfer(URI uri, Path part, Checksum checksum, DownloadListener listener, HttpGet http) {
        this.uri = uri;
        this.part = part;
        this.checksum = checksum;
        this.listener = listener;
        this.http = http;
    }

    /**
     * Brings the part file to the whole file.
     *
     * @return the checksum of the whole part file, as {@link Checksum.Hasher#value()} writes it
     * @throws ConnectionCutException if the connection ended early; the part keeps what arrived
     * @throws IOException if the server refuses the file, or the network or the disk fails
     */
    String complete() throws IOException {
        long partBytes = Files.exists(part) ? Files.size(part) : 0;
        if (partBytes > 0) {
            HttpURLConnection connection = http.open(uri, partBytes);
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_PARTIAL && rangeStartsAt(connection, partBytes)) {
                return receive(connection, partBytes);
            }
            if (status != HttpURLConnection.HTTP_PARTIAL && status != 416) {
                // 200 is a server that ignores ranges and sends the whole file; errors are reported there.
                return receive(connection, 0);
            }
            // 416, or another range: the part does not belong to the file the server has now.
            connection.disconnect();
        }
        return receive(http.open(uri, 0), 0);
    }

    private static boolean rangeStartsAt(HttpURLConnection connection, long firstByte) {
        String contentRange = connection.getHeaderField("Content-Range");
        return contentRange != null && contentRange.trim().startsWith("bytes " + firstByte + "-");
    }

    /** Writes the response body to the part, after its first {@code fromByte} bytes. */
    private String receive(HttpURLConnection connection, long fromByte) throws IOException {
        try {
            int status = connection.getResponseCode();
            if (status != (fromByte > 0 ? HttpURLConnection.HTTP_PARTIAL : HttpURLConnection.HTTP_OK)) {
                String reason = connection.getResponseMessage();
                throw new IOException("HTTP " + status + (reason == null ? "" : " " + reason));
            }
            long bodyBytes = connection.getContentLengthLong();
            long totalBytes = bodyBytes < 0 ? -1 : fromByte + bodyBytes;
            Checksum.Hasher hasher = checksum.newHasher();
            if (fromByte > 0) {
                hashPart(hasher);
            }
            try (InputStream body = connection.getInputStream();
                    FileChannel out = FileChannel.open(part, CREATE, WRITE, fromByte > 0 ? APPEND : TRUNCATE_EXISTING)) {
                copy(body, out, hasher, fromByte, totalBytes);
                // On disk before the caller renames it: a crash must not leave a short file under the final name.
                out.force(true);
            }
            return hasher.value();
        } finally {
            connection.disconnect();
        }
    }

    private void hashPart(Checksum.Hasher hasher) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                hasher.update(buffer, 0, read);
            }
        }
    }

    private void copy(InputStream body, FileChannel out, Checksum.Hasher hasher, long fromByte, long totalBytes)
            throws IOException {
        ProgressThrottle progress = new ProgressThrottle(listener, fromByte, totalBytes);
        long done = fromByte;
        try {
            while (true) {
                int read;
                try {
                    read = body.read(buffer);
                } catch (IOException e) {
                    throw new ConnectionCutException("connection lost after " + done + " bytes ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
                }
                if (read < 0) {
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                hasher.update(buffer, 0, read);
                done += read;
                progress.update(done);
            }
        } finally {
            progress.finish(done);
        }
        if (totalBytes >= 0 && done < totalBytes) {
            throw new ConnectionCutException("connection closed after " + done + " of " + totalBytes + " bytes", null);
        }
    }
}
