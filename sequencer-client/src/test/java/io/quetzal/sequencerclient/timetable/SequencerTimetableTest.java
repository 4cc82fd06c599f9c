package io.quetzal.sequencerclient.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quetzal.sequencerclient.SequencerState;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The timetable against vectors of the official {@code SequencerTimetable}
 * (scripts/vectors/sequencer-timetable.mjs): derived figures, every state's deadline, {@code
 * canStartNextBlock} and {@code assertTimeLeft} over a range of times, for 11 slot configurations
 * (single and multi-block, short test L1 slots, not enforced, too short to work).
 */
class SequencerTimetableTest {
  private static final JsonNode VECTORS = load();

  private static JsonNode load() {
    try (InputStream in =
        SequencerTimetableTest.class.getResourceAsStream("/vectors/sequencer-timetable.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SequencerTimetable timetable(JsonNode c) {
    return new SequencerTimetable(
        c.get("ethereumSlotDuration").asDouble(),
        c.get("aztecSlotDuration").asDouble(),
        c.get("l1PublishingTime").asDouble(),
        c.has("p2pPropagationTime")
            ? OptionalDouble.of(c.get("p2pPropagationTime").asDouble())
            : OptionalDouble.empty(),
        c.has("blockDurationMs")
            ? OptionalLong.of(c.get("blockDurationMs").asLong())
            : OptionalLong.empty(),
        c.get("enforce").asBoolean());
  }

  private static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    VECTORS.get("cases").forEach(out::add);
    return out;
  }

  @Test
  void statesAreTheOfficialOnesInTheOfficialOrder() {
    List<String> official = new ArrayList<>();
    VECTORS.get("states").forEach(s -> official.add(s.asText()));
    assertThat(SequencerState.values()).extracting(Enum::name).containsExactlyElementsOf(official);
  }

  @Test
  void derivedFiguresEqualTheOfficial() {
    int checked = 0;
    for (JsonNode v : cases()) {
      if (v.has("error")) {
        continue;
      }
      SequencerTimetable t = timetable(v.get("config"));
      String at = v.get("config").toString();
      assertThat(t.initializeDeadline()).as(at).isEqualTo(v.get("initializeDeadline").asDouble());
      assertThat(t.initializationOffset())
          .as(at)
          .isEqualTo(v.get("initializationOffset").asDouble());
      assertThat(t.checkpointFinalizationTime())
          .as(at)
          .isEqualTo(v.get("checkpointFinalizationTime").asDouble());
      assertThat(t.minExecutionTime()).as(at).isEqualTo(v.get("minExecutionTime").asDouble());
      assertThat(t.p2pPropagationTime()).as(at).isEqualTo(v.get("p2pPropagationTime").asDouble());
      assertThat(t.checkpointAssembleTime())
          .as(at)
          .isEqualTo(v.get("checkpointAssembleTime").asDouble());
      assertThat(t.checkpointInitializationTime())
          .as(at)
          .isEqualTo(v.get("checkpointInitializationTime").asDouble());
      assertThat(t.maxNumberOfBlocks()).as(at).isEqualTo(v.get("maxNumberOfBlocks").asInt());
      checked++;
    }
    assertThat(checked).isEqualTo(10);
  }

  @Test
  void everyStatesDeadlineEqualsTheOfficial() {
    for (JsonNode v : cases()) {
      if (v.has("error")) {
        continue;
      }
      SequencerTimetable t = timetable(v.get("config"));
      for (SequencerState s : SequencerState.values()) {
        JsonNode expected = v.get("maxAllowedTime").get(s.name());
        OptionalDouble actual = t.maxAllowedTime(s);
        if (expected.isNull()) {
          assertThat(actual).as(s + " " + v.get("config")).isEmpty();
        } else {
          assertThat(actual).as(s + " " + v.get("config")).hasValue(expected.asDouble());
        }
      }
    }
  }

  @Test
  void blockStartsEqualTheOfficial() {
    int checked = 0;
    for (JsonNode v : cases()) {
      if (v.has("error")) {
        continue;
      }
      SequencerTimetable t = timetable(v.get("config"));
      for (JsonNode e : v.get("canStartNextBlock")) {
        double at = e.get("secondsIntoSlot").asDouble();
        SequencerTimetable.BlockStart b = t.canStartNextBlock(at);
        String where = v.get("config") + " at " + at;
        assertThat(b.canStart()).as(where).isEqualTo(e.get("canStart").asBoolean());
        assertThat(b.isLastBlock()).as(where).isEqualTo(e.get("isLastBlock").asBoolean());
        if (e.get("deadline").isNull()) {
          assertThat(b.deadline()).as(where).isEmpty();
        } else {
          assertThat(b.deadline()).as(where).hasValue(e.get("deadline").asDouble());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(200);
  }

  @Test
  void assertTimeLeftAcceptsAndRefusesAsTheOfficialWithItsMessage() {
    int refused = 0;
    for (JsonNode v : cases()) {
      if (v.has("error")) {
        continue;
      }
      SequencerTimetable t = timetable(v.get("config"));
      for (JsonNode e : v.get("assertTimeLeft")) {
        SequencerState state = SequencerState.valueOf(e.get(0).asText());
        double at = e.get(1).asDouble();
        JsonNode error = e.get(2);
        if (error.isNull()) {
          t.assertTimeLeft(state, at);
        } else {
          assertThatThrownBy(() -> t.assertTimeLeft(state, at))
              .as(state + " at " + at + " " + v.get("config"))
              .isInstanceOfSatisfying(
                  SequencerTooSlowException.class,
                  x -> {
                    assertThat(x.state()).isEqualTo(state);
                    assertThat(x.secondsIntoSlot()).isEqualTo(at);
                  })
              .hasMessage(error.asText());
          refused++;
        }
      }
    }
    assertThat(refused).isGreaterThan(300);
  }

  @Test
  void aSlotTooShortForTheMinimumWorkIsRefusedAsTheOfficialDoes() {
    JsonNode bad =
        cases().stream().filter(c -> c.has("error")).findFirst().orElseThrow().get("config");
    assertThatThrownBy(() -> timetable(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialize deadline -2 s")
        .hasMessageContaining("a slot of 20 s");
  }
}
