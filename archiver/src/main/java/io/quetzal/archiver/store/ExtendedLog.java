package io.quetzal.archiver.store;

/**
 * A log with its id ({@code ExtendedPublicLog}, {@code ExtendedContractClassLog}).
 *
 * @param id where it is
 * @param log the log
 * @param <T> the log type
 */
public record ExtendedLog<T>(LogId id, T log) {}
