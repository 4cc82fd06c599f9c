/**
 * Logging setup: maps Aztec's {@code LOG_LEVEL} levels onto logback at startup.
 *
 * <p>Design notes: {@code logback.xml} fixes the format (time, level, logger, message, on stderr as
 * Aztec does) and a default of INFO; {@link io.quetzal.cli.logging.LogLevels} then sets the levels
 * from the resolved {@code --log-level} / {@code LOG_LEVEL}, so the level follows the same flag >
 * environment > default precedence as every other option. Nothing is logged before the
 * configuration is valid, so a user error prints only its one line.
 */
package io.quetzal.cli.logging;
