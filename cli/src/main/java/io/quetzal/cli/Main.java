package io.quetzal.cli;

/** Entry point of the {@code quetzal} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("quetzal");
  }
}
