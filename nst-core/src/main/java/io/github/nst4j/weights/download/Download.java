package io.github.nst4j.weights.download;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads one large file over HTTP(S) into a cache file, verified by its checksum.
 *
 * <p>The bytes go to {@code <target>.part} beside the target, which takes the target's name only
 * once its checksum is right, so the target is always either absent or complete. A part left by a
 * cut download is continued with an HTTP {@code Range} request. A connection cut mid-file is
 * resumed once; a file with the wrong checksum is downloaded once more from scratch. A proxy set in
 * Java's properties ({@code https.proxyHost}, {@code -Djava.net.useSystemProxies=true}) or else in
 * {@code HTTPS_PROXY} (with {@code NO_PROXY}) is used.
 *
 * <pre>{@code
 * Path zip = Download.builder()
 *         .uri(URI.create("https://example.org/vgg19_dl4j_inference.zip"))
 *         .target(cacheDir.resolve("vgg19_dl4j_inference.zip"))
 *         .checksum(Checksum.adler32(2782932419L))
 *         .build()
 *         .fetch();
 * }</pre>
 */
public final class Download {
    /** How long a silent server is waited for by default: a minute. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final URI uri;
    private final Path target;
    private final Path part;
    private final Checksum checksum;
    private final DownloadListener listener;
    private final HttpGet http;

    private Download(Builder builder) {
        uri = Objects.requireNonNull(builder.uri, "uri");
        target = Objects.requireNonNull(builder.target, "target").toAbsolutePath();
        checksum = Objects.requireNonNull(builder.checksum, "checksum");
        listener = builder.listener;
        http = new HttpGet(builder.proxies, builder.readTimeout);
        part = target.resolveSibling(target.getFileName() + ".part");
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("Not an http(s) URL: " + uri);
        }
    }

    /** @return a builder of a download: its URL, target file and checksum */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the target, downloading it first unless it already exists.
     *
     * @throws DownloadException naming the URL, the cause and the cache file when the download fails
     */
    public Path fetch() {
        if (Files.exists(target)) {
            return target;
        }
        PartTransfer transfer = new PartTransfer(uri, part, checksum, listener, http);
        boolean resumedOnce = false;
        boolean downloadedAgain = false;
        try {
            Files.createDirectories(target.getParent());
            while (true) {
                String actual;
                try {
                    actual = transfer.complete();
                } catch (ConnectionCutException e) {
                    if (resumedOnce) {
                        throw e;
                    }
                    resumedOnce = true;
                    listener.onRetry(e.getMessage() + "; resuming");
                    continue;
                }
                if (actual.equals(checksum.expected())) {
                    Files.move(part, target, ATOMIC_MOVE, REPLACE_EXISTING);
                    return target;
                }
                // A part with wrong bytes must not be resumed: start again from nothing.
                Files.deleteIfExists(part);
                String mismatch = "wrong " + checksum.algorithm() + " " + actual + ", expected " + checksum.expected();
                if (downloadedAgain) {
                    throw failure(mismatch, null);
                }
                downloadedAgain = true;
                listener.onRetry(mismatch + "; downloading again");
            }
        } catch (IOException e) {
            throw failure(describe(e), e);
        }
    }

    private DownloadException failure(String cause, IOException e) {
        String resumeHint = Files.exists(part) ? "; the next try resumes from " + part : "";
        String failure = "Could not download " + uri + " (" + cause + "); cache file: " + target + resumeHint;
        return new DownloadException(failure.replaceAll("\\s+", " "),
                "to work offline, use untrained weights (no file needed) or a weights file", cause, e);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // Our own IOExceptions say it all; the JDK's often need their class, e.g. UnknownHostException: host.
        boolean ours = e.getClass() == IOException.class || e instanceof ConnectionCutException;
        return ours ? message : e.getClass().getSimpleName() + ": " + message;
    }

    /** Configures a {@link Download}; the URI, the target and the checksum are required. */
    public static final class Builder {
        private URI uri;
        private Path target;
        private Checksum checksum;
        private DownloadListener listener = DownloadListener.NONE;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private ProxyChoice proxies = ProxyChoice.standard();

        private Builder() {
        }

        /** The http or https URL of the file; redirects are followed. */
        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /** Where the file is kept; missing parent directories are created. */
        public Builder target(Path target) {
            this.target = target;
            return this;
        }

        /** The checksum the complete file must have. */
        public Builder checksum(Checksum checksum) {
            this.checksum = checksum;
            return this;
        }

        /** Hears progress and retries; {@link DownloadListener#NONE} by default. */
        public Builder listener(DownloadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long a silent server is waited for, {@link #DEFAULT_READ_TIMEOUT} by default. A stall
         * before the response fails the download; a stall mid-file counts as a cut connection.
         */
        public Builder readTimeout(Duration readTimeout) {
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("The read timeout must be positive: " + readTimeout);
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /** Chooses the proxy; the environment's and Java's settings by default. */
        Builder proxies(ProxyChoice proxies) {
            this.proxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /**
         * @throws NullPointerException if the URI, the target or the checksum is missing
         * @throws IllegalArgumentException if the URI is not http or https
         */
        public Download build() {
            return new Download(this);
        }
    }
}
