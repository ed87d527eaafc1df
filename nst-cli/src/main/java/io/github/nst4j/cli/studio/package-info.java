/**
 * {@code nst studio}: style transfer from a local web page, with a live preview and loss chart,
 * served by an embedded Jetty on loopback and guarded by a per-session token. The studio drives the
 * library's public API; it depends on nothing else of the command line (whose record writer it is
 * handed as a {@link io.github.nst4j.cli.studio.RecordWriter}).
 */
package io.github.nst4j.cli.studio;
