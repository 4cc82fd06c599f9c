package io.quetzal.cli.start;

/**
 * The sequencer cannot run with the operator's settings on this rollup (for example a timetable
 * that leaves no time to build in the rollup's slot): one line at start, exit status 1.
 */
final class SequencerSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SequencerSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
