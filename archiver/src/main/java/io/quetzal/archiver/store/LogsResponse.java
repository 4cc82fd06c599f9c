package io.quetzal.archiver.store;

import java.util.List;

/**
 * A page of logs ({@code GetPublicLogsResponse}): {@code maxLogsHit} when the page limit stopped
 * the scan (or, as the official store answers, when {@code toBlock < start}).
 *
 * @param logs the logs in chain order
 * @param maxLogsHit whether more logs may follow
 * @param <T> the log type
 */
public record LogsResponse<T>(List<ExtendedLog<T>> logs, boolean maxLogsHit) {
  public LogsResponse {
    logs = List.copyOf(logs);
  }
}
