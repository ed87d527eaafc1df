/** The {@code nst video} command, added to nst's command line by {@link io.github.nst4j.video.cli.NstVideoMain}. */
package io.github.nst4j.video.cli;
