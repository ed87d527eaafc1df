package io.github.nst4j.cli.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import io.github.nst4j.weights.NpzWeights;
import io.github.nst4j.weights.PretrainedWeights;
import io.github.nst4j.weights.WeightsCache;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nst weights} on a temporary cache: the listing, --verify, --fetch of a sound copy, usage errors. */
class WeightsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEachSourceCachedOrNotWithPathSizeAndSha256() throws IOException {
        WeightsCache cache = WeightsCache.at(dir);
        byte[] bytes = "a compact copy".getBytes(StandardCharsets.US_ASCII);
        Path keras = cache.compactFile(PretrainedWeights.KERAS);
        Files.write(keras, bytes);

        Run run = run(cache);

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out.lines()).containsExactly(
                "Pretrained VGG19 weights in " + dir + ":",
                "zoo          missing " + cache.compactFile(PretrainedWeights.ZOO) + " (nst weights --fetch zoo)",
                "keras        cached     0.0 MB  sha256 " + sha256(bytes) + "  " + keras,
                "torchvision  missing " + cache.compactFile(PretrainedWeights.TORCHVISION)
                        + " (nst weights --fetch torchvision)");
    }

    @Test
    void verifySaysOkOrDamagedPerCopyAndFailsWhenOneIsDamaged() throws IOException {
        WeightsCache cache = WeightsCache.at(dir);
        Path zoo = cache.compactFile(PretrainedWeights.ZOO);
        NpzWeights.write(WeightsSource.untrained(1).load(), zoo);
        Path keras = cache.compactFile(PretrainedWeights.KERAS);
        Files.copy(zoo, keras);
        flipByteInTheMiddle(keras);

        Run verify = run(cache, "--verify");

        assertThat(verify.code).isEqualTo(1);
        assertThat(verify.out.lines()).hasSize(3);
        assertThat(verify.out.lines().toList().get(0)).isEqualTo("zoo          OK       " + zoo);
        assertThat(verify.out.lines().toList().get(1)).startsWith("keras        damaged  Damaged weights file " + keras)
                .contains("CRC-32").endsWith("(nst weights --fetch keras replaces it)");
        assertThat(verify.out.lines().toList().get(2)).isEqualTo("torchvision  not cached");

        Run fetch = run(cache, "--fetch", "ZOO");
        assertThat(fetch.code).as(fetch.err).isZero();
        assertThat(fetch.out.strip()).as("a sound copy is kept, not downloaded").startsWith("zoo          cached ")
                .endsWith(zoo.toString());
    }

    @Test
    void badUsageIsOneErrorLineAndExitCode2() {
        WeightsCache cache = WeightsCache.at(dir);
        Run unknown = run(cache, "--fetch", "imagenet");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err.lines().findFirst()).hasValue(
                "nst: error: --fetch: choose zoo, keras, torchvision or all, not 'imagenet'");
        assertThat(unknown.out).isEmpty();

        Run both = run(cache, "--fetch", "all", "--verify");
        assertThat(both.code).isEqualTo(2);
        assertThat(both.err).startsWith("nst: error: --fetch and --verify are separate runs; give one");
        assertThat(dir).isEmptyDirectory();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(WeightsCache cache, String... args) {
        CommandLine commandLine = NstMain.commandLine(cache);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "weights";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = commandLine.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private static void flipByteInTheMiddle(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long middle = channel.size() / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, middle);
            one.put(0, (byte) (one.get(0) ^ 1)).rewind();
            channel.write(one, middle);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
