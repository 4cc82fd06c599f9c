/**
 * Tree ids, append-only tree snapshots and the leaves of the two indexed trees (nullifier and
 * public data) with their official hash inputs. The trees themselves live in module {@code
 * world-state}; these records are what it stores and returns. Immutable, thread-safe.
 */
package io.quetzal.stdlib.trees;
