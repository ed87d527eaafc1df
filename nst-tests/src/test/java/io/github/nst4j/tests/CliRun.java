package io.github.nst4j.tests;

import io.github.nst4j.cli.NstMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code nst} command (or another picocli program) in this JVM, with its exit code and output. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(NstMain.commandLine(), args);
    }

    static CliRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
