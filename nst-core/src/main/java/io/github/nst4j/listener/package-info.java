/** What a running style transfer reports: one {@link io.github.nst4j.listener.IterationEvent} per loss evaluation. */
package io.github.nst4j.listener;
