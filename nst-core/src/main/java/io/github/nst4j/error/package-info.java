/**
 * The exceptions nst4j throws for problems a user can fix, each with a one-line message:
 * {@link io.github.nst4j.error.NstException}, its {@link io.github.nst4j.error.InvalidSettingException}
 * (which names the builder setting at fault) and {@link io.github.nst4j.error.DivergedException}.
 */
package io.github.nst4j.error;
