package io.github.nst4j.cli.studio;

import java.nio.file.Path;
import org.deeplearning4j.common.resources.DL4JResources;

/**
 * Makes every download of weights fail at once, with no traffic beyond loopback, until closed:
 * the zoo's base address and a proxy for the mirrors' are the discard port, where nothing listens.
 */
final class NoDownloads implements AutoCloseable {
    private final String zooAddress = DL4JResources.getBaseDownloadURL();

    /** @param cache an empty folder for the zoo's cache, so that no weights already there are found */
    NoDownloads(Path cache) {
        DL4JResources.setBaseDirectory(cache.toFile());
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
    }

    @Override
    public void close() {
        DL4JResources.setBaseDownloadURL(zooAddress);
        DL4JResources.resetBaseDirectoryLocation();
        System.clearProperty("https.proxyHost");
        System.clearProperty("https.proxyPort");
    }
}
