/** Clips in and out: video files through FFmpeg (JavaCV) and numbered frame files. */
package io.github.nst4j.video.io;
