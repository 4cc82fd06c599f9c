package io.quetzal.foundation.serialize;

/**
 * A value that cannot be written or a buffer/field list that cannot be read. The message is the one
 * the official code (or Node's {@code Buffer}) gives for the same problem, e.g. {@code "Attempted
 * to read beyond buffer length. Start index: 0, Num bytes to read: 4, Buffer length: 3"}.
 */
public class SerializationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SerializationException(String message) {
    super(message);
  }
}
