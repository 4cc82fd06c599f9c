package io.quetzal.cli.options;

import io.quetzal.cli.config.StartConfig;
import java.util.List;

/**
 * The arguments of {@code quetzal start} that reproduce a {@link StartConfig}: the inverse of
 * {@link StartConfigFactory}. Every value is written explicitly, so network presets do not apply to
 * the result; an unset optional cannot be expressed, so configs of preset networks round-trip only
 * where their optionals are set.
 *
 * <p>The result contains the config's private keys in clear text.
 */
public final class StartArgs {
  private StartArgs() {}

  public static List<String> of(StartConfig c) {
    ArgsWriter w = new ArgsWriter();
    RoleOptions.toArgs(c.roles(), w);
    NetworkOptions.toArgs(c.network(), c.l1(), w);
    NodeApiOptions.toArgs(c.rpc(), w);
    StorageOptions.toArgs(c.storage(), w);
    P2pOptions.toArgs(c.p2p(), w);
    ValidatorOptions.toArgs(c.validator(), w);
    SequencerOptions.toArgs(c.sequencer(), w);
    PublisherOptions.toArgs(c.publisher(), w);
    ArchiverOptions.toArgs(c.archiver(), w);
    GenesisOptions.toArgs(c.genesis(), w);
    LoggingOptions.toArgs(c.logging(), w);
    return w.args();
  }
}
