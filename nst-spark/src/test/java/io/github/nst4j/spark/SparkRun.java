package io.github.nst4j.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the job on a Spark master given as the {@code spark.master} system property, as
 * {@code spark-submit} passes it, on loopback only and without the web UI.
 */
record SparkRun(int exitCode, String out, String err) {
    /** The command's parse and usage checks alone: no Spark session is started. */
    static SparkRun of(String... args) {
        CommandLine commandLine = NstSparkMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new SparkRun(code, out.toString(), err.toString());
    }

    static SparkRun on(String master, String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spark.master", master);
        properties.put("spark.ui.enabled", "false");
        properties.put("spark.driver.host", "127.0.0.1");
        properties.put("spark.driver.bindAddress", "127.0.0.1");
        properties.forEach(System::setProperty);
        try {
            return of(args);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
