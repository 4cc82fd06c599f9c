package io.quetzal.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point of the {@code quetzal} command: the only place that reads the process environment and
 * calls {@code System.exit}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int status =
        QuetzalCli.run(args, System.getenv(), Path.of(System.getProperty("user.home")), out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
