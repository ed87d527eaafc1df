/**
 * Style transfer of video clips without flicker (Ruder, Dosovitskiy and Brox, "Artistic style
 * transfer for videos", GCPR 2016): {@link io.github.nst4j.video.VideoStyleTransfer} for frames in
 * memory, {@link io.github.nst4j.video.ClipJob} for clips and frame folders on disk.
 */
package io.github.nst4j.video;
