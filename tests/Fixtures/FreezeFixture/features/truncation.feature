# A planted bug for tests/Freeze.Tests: the assertion expects an intact payload, but one of the three
# faults truncates it, so exactly the combinations that contain that fault fail. Not under features/:
# it must never be part of the green run.
@io
Feature: Freeze fixture

  @chaos-max:50
  Scenario: the payload arrives intact whatever the peer does
    Given an evil peer "EP" serving 200..300 bytes
    And any of:
      | evil peer "EP" slices output into 16-byte chunks |
      | evil peer "EP" closes after 100 bytes            |
      | evil peer "EP" delays 1 ms between chunks        |
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
