/** {@link io.quetzal.stdlib.address.AztecAddress}: a field element naming an L2 account. */
package io.quetzal.stdlib.address;
