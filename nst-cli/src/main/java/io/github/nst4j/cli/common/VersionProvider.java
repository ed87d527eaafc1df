package io.github.nst4j.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into {@code nst-version.properties}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/nst-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
            "nst4j " + properties.getProperty("version", "(unknown version)"),
            "Deeplearning4j " + properties.getProperty("dl4j.version", "?") + ", Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("os.name") + ", "
                    + System.getProperty("os.arch") + ")"
        };
    }
}
