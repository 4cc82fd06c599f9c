/** Hashes of the protocol that name storage: map slots and public-data tree leaf slots. */
package io.quetzal.stdlib.hash;
