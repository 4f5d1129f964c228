@io
Feature: io fixtures run only by the event log test
  Every in-process run of this test process writes to one shared events.jsonl, and other tests run
  the io.feature cases too; these cases have ids of their own, so their events can be counted.

  Scenario: a logged in-process download
    Given an evil peer "EP" serving 256 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact

  Scenario: a logged forked download
    Given an evil peer "EP" serving 512 bytes
    And evil peer "EP" runs as a forked peer
    And evil peer "EP" slices output into 100-byte chunks
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
