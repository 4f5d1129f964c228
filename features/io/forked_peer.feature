@io @forked_peer
Feature: The same faults hold across a real process boundary
  The evil peer runs as a forked child process (its fault table sent on stdin) instead of a
  task in the test process. A FIN, an RST or a never-reading peer must look exactly the same to
  the client as they do in-process; this guards against faults that only "work" because peer
  and client share a process. Process start costs ~100 ms, so this topic keeps a handful of cases.

  Scenario: a forked peer serves a sliced payload intact
    Given an evil peer "EP" serving 1024 bytes
    And evil peer "EP" slices output into 100-byte chunks
    And evil peer "EP" delays 1 ms between chunks
    And evil peer "EP" runs as a forked peer
    When task "C" downloads from peer "EP" in 7-byte reads
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

  Scenario Outline: a forked peer's FIN and RST keep their meaning
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" <fault> after 100 bytes
    And evil peer "EP" runs as a forked peer
    When task "C" downloads from peer "EP"
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is <outcome>

    Examples:
      | fault  | outcome |
      | closes | eof     |
      | resets | reset   |

  Scenario: a forked peer's FIN after N bytes gives exactly N bytes
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" closes after 200 bytes
    And evil peer "EP" runs as a forked peer
    When task "C" downloads from peer "EP" byte by byte
    Then task "C" received 200 bytes
    And the outcome of task "C" is eof

  Scenario: a forked consumer reads an upload intact
    Given an evil peer "EP" reading 1000 bytes at a time
    And evil peer "EP" runs as a forked peer
    When task "C" uploads 65536 bytes to peer "EP" in 4096-byte writes
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed

  Scenario: a forked peer that never reads takes a small upload without reading a byte
    Given an evil peer "EP" that never reads
    And evil peer "EP" holds the connection for 100 ms
    And evil peer "EP" runs as a forked peer
    When task "C" uploads 1024 bytes to peer "EP"
    Then counter "io_sent_bytes_C" equals 1024
    And peer "EP" read 0 bytes
    And the outcome of task "C" is one of "completed, reset"
    And the transfer of task "C" took at least 95 ms
