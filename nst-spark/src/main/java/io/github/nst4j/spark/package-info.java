/**
 * Style transfer of many images as an Apache Spark job: work items from a manifest or from every
 * content x style pair of two directories, run on the executors with the weights loaded once per
 * executor JVM, each output written exactly once, and a report of every item. With {@code --model},
 * the items are photos through a fast style model instead ({@link io.github.nst4j.fast.FastStyleModel},
 * made by {@code nst train}), which the driver checks and broadcasts and each executor loads once.
 */
package io.github.nst4j.spark;
