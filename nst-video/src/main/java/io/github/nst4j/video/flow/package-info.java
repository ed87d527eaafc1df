/**
 * Optical flow between frames (OpenCV's DIS), where it can be trusted (forward-backward
 * consistency and motion boundaries), warping along it, and the warping error that measures flicker.
 */
package io.github.nst4j.video.flow;
