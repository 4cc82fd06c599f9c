/**
 * Cross-chain messaging: the checkpoint {@code inHash} over its L1→L2 messages ({@link
 * io.quetzal.stdlib.messaging.InHash}). Pure functions, thread-safe.
 */
package io.quetzal.stdlib.messaging;
