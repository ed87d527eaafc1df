package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Quieting SameDiff's chatter drops the building thread's lines only, and puts System.out back. */
class GradientFunctionTest {
    @Test
    void otherThreadsKeepEveryLineWhileTheBuildingThreadIsSilenced() throws InterruptedException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread printer = new Thread(() -> {
                try {
                    started.await();
                    for (int i = 0; i < 500; i++) {
                        System.out.println("other " + i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            printer.start();
            GradientFunction.runQuietly(() -> {
                started.countDown();
                for (int i = 0; i < 500; i++) {
                    System.out.println("Added differentiated op " + i);
                }
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            printer.join();
            assertThat(System.out).isSameAs(capture);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.startsWith("other "))).hasSize(500);
        assertThat(text).doesNotContain("Added differentiated op");
    }
}
