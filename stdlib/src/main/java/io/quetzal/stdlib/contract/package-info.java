/**
 * Contract instance addresses and function selectors: how an instance's address follows from its
 * class id, initializer call, salt, deployer and public keys. Class ids themselves (which need the
 * artifact's bytecode) are taken as facts from the official artifacts. Stateless.
 */
package io.quetzal.stdlib.contract;
