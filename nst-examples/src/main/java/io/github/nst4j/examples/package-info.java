/** Small programs that use nst4j the way an application would, and the contact sheet of the sample images. */
package io.github.nst4j.examples;
