/**
 * The node's archiver wiring: {@link io.quetzal.node.archiver.ArchiverRuntime} opens the store in
 * {@code <data>/archiver} and runs the synchronizer; {@link
 * io.quetzal.node.archiver.ArchiverBlockSource} answers the API's block source from the store;
 * {@link io.quetzal.node.archiver.EpochSettler} marks ended epochs proven on a local network.
 */
package io.quetzal.node.archiver;
