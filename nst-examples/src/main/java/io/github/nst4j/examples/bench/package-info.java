/** Developer benchmarks kept out of the product: nst4j beside PyTorch, and speed and memory over a long run. */
package io.github.nst4j.examples.bench;
