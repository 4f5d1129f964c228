# A planted bug for tests/Merge.Tests: the assertion expects an intact payload, but one fault of the one-of block
# truncates it, so exactly one case fails (and leaves a replay descriptor) whichever shard it falls in.
@io
Feature: Shard fixture

  Scenario: the payload arrives intact whatever the peer does
    Given an evil peer "EP" serving 256 bytes
    And one of:
      | evil peer "EP" slices output into 16-byte chunks |
      | evil peer "EP" slices output into 7-byte chunks  |
      | evil peer "EP" slices output into 3-byte chunks  |
      | evil peer "EP" delays 1 ms between chunks        |
      | evil peer "EP" closes after 100 bytes            |
      | evil peer "EP" slices output into 64-byte chunks |
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact

  Scenario: a slow peer still delivers everything
    Given an evil peer "EP" serving 128 bytes
    And one of:
      | evil peer "EP" slices output into 5-byte chunks |
      | evil peer "EP" slices output into 9-byte chunks |
      | evil peer "EP" delays 1 ms between chunks       |
      | evil peer "EP" slices output into 1-byte chunks |
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
