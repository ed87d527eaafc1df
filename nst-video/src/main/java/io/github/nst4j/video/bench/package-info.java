/** The frames-per-second benchmark of fast-network video, and the panned-photo clips it runs on. */
package io.github.nst4j.video.bench;
