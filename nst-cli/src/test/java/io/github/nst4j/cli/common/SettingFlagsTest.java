package io.github.nst4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.error.InvalidSettingException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The library's setting names become the flags a user typed, in one place. */
class SettingFlagsTest {
    @Test
    void everyBuilderSettingHasAFlag() {
        Arrays.stream(StyleTransferBuilder.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName)
                .filter(name -> !name.equals("build"))
                .forEach(setting -> assertThat(SettingFlags.flagOf(setting)).as(setting).startsWith("--"));
    }

    @Test
    void anInvalidSettingReadsAsItsFlag() {
        assertThat(SettingFlags.describe(new InvalidSettingException("levels", "must be positive")))
                .isEqualTo("--scales: must be positive");
        assertThat(SettingFlags.describe(new InvalidSettingException("learningRate", "too large")))
                .isEqualTo("--learning-rate: too large");
        assertThat(SettingFlags.describe(new InvalidSettingException("batchSize", "must be positive")))
                .isEqualTo("--batch-size: must be positive");
    }
}
