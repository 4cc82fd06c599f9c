/**
 * The blob client: a checkpoint's blobs by versioned hash (the official
 * {@code @aztec/blob-client}).
 *
 * <p>Owns {@link io.quetzal.ethereum.blobs.BlobClient} (sources in the official order: file stores,
 * consensus hosts, file stores again near the tip, the blob archive API), {@link
 * io.quetzal.ethereum.blobs.BlobFileStore} ({@code file://}, {@code http(s)://}, and {@code gs://}
 * and {@code s3://} read anonymously over HTTPS; layout {@code
 * aztec-<chainId>-<rollupVersion>-0x<rollup>/blobs/<versionedHash>.data}, raw-snappy JSON), {@link
 * io.quetzal.ethereum.blobs.BlobscanArchive} ({@code BLOB_ARCHIVE_API_URL}: {@code GET
 * blocks/<l1BlockHash>?type=canonical&expand=blob,blob_data}), {@link
 * io.quetzal.ethereum.blobs.BeaconBlobSource} (parent beacon root → slot + 1 → {@code
 * blob_sidecars}, up to 10 later slots on 404, API key as a header or {@code ?key=}), {@link
 * io.quetzal.ethereum.blobs.Kzg} (c-kzg JNI, trusted setup from the class path) and {@link
 * io.quetzal.ethereum.blobs.BlobJson}.
 *
 * <p>Checks: a blob is kept only if {@code 0x01 ‖ sha256(commitment)[1..]} is a requested hash and
 * the commitment recomputed from the data equals the declared one. Measured on the 2-core build
 * machine: loading the trusted setup ≈ 3.3 s once per process (1.6 s on an idle machine per
 * java-stack.md); a commitment ≈ 18-21 ms per blob, so ≤ 6 blobs cost ≈ 0.1 s per checkpoint. Blob
 * bytes are decoded into Aztec fields by stdlib, not here.
 *
 * <p>Local networks (anvil 1.7.1): {@code eth_getTransactionByHash} returns the type-3 transaction
 * with its {@code blobs}, {@code commitments} and {@code proofs} ({@link
 * io.quetzal.ethereum.blobs.BlobClient#fromTransaction}); blocks have a zero {@code
 * parentBeaconBlockRoot}, {@code /eth/v1/beacon/headers/*} answers 404 and {@code
 * /eth/v1/beacon/blob_sidecars/*} answers 410 (deprecated) while {@code
 * /eth/v1/beacon/blobs/{block_id}} answers (checked on a block without blobs only), so the official
 * consensus-host path does not work against anvil: use a {@code file://} blob store (which the
 * official local network writes) or the transaction sidecars.
 *
 * <p>Not done: {@code s3://} and {@code gs://} stores with cloud credentials (private buckets; the
 * official node uses the cloud SDKs), uploads and health-check uploads, shuffling of the file
 * stores, and the per-request retries (1, 1, 3 s) of file stores and consensus hosts (the archive
 * API has them).
 *
 * <p>Thread-safe; blocking (virtual threads).
 */
package io.quetzal.ethereum.blobs;
