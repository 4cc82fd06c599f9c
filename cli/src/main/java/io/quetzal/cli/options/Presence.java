package io.quetzal.cli.options;

/** What happens when an option is set neither by flag nor by environment. */
public enum Presence {
  /** It takes its default (which a network preset may replace). */
  DEFAULTED,
  /** It stays unset, which has a documented meaning (e.g. "in memory"). */
  OPTIONAL,
  /** It stays unset, and the roles that need it refuse to start without it. */
  REQUIRED,
  /** A role switch: off unless given. */
  SWITCH
}
