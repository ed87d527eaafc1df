/**
 * Images in and out: reading any JPEG, PNG, BMP or GIF as RGB, writing PNG or JPEG atomically,
 * resizing, pixel tensors, and the colour statistics behind colour preservation.
 */
package io.github.nst4j.image;
