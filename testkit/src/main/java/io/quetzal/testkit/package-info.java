/**
 * Test helpers shared by every module, used only in test scope.
 *
 * <p>{@link io.quetzal.testkit.Property} runs a property over many seeded random inputs. A failure
 * names the property, the trial, the input and the seed, and {@code -Dquetzal.test.seed=N} replays
 * a run exactly. Every generator draws from one {@link java.util.SplittableRandom} per trial, split
 * from the run's seed, so a trial is reproducible on its own.
 *
 * <p>We keep this in-house instead of using jqwik: jqwik 1.10 prints a notice that its author does
 * not want AI agents to use the library, and this project is largely written by one. The harness is
 * small: generation, seeding and replay, without shrinking.
 */
package io.quetzal.testkit;
