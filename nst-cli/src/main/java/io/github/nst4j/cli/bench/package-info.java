/** {@code nst bench}: the user's own measure of seconds per step and memory on this machine and backend. */
package io.github.nst4j.cli.bench;
