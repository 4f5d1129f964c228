@io
Feature: io fixtures that must fail

  Scenario: expects an intact payload from a peer that closes early
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" closes after 100 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact

  Scenario: a client leaks its socket
    Given an evil peer "EP" serving 10 bytes
    When a leaky client connects to peer "EP"

  Scenario: expects the wrong outcome
    Given an evil peer "EP" serving 10 bytes
    When task "C" downloads from peer "EP"
    Then the outcome of task "C" is reset

  Scenario: expects a cancel that never came
    Given an evil peer "EP" serving 10 bytes
    When task "C" downloads from peer "EP"
    Then task "C" was cancelled

  Scenario: a task outlives the scenario
    Given an evil peer "EP" serving 10 bytes
    When task "C" downloads from peer "EP"
    And task "K" sleeps 5000 ms
    Then task "C" received the payload of peer "EP" intact

  Scenario: a fault that does not fit the peer
    Given an evil peer "EP" that never reads
    And evil peer "EP" slices output into 10-byte chunks

  Scenario: seeds pinned too late
    Given an evil peer "EP" serving 10 bytes
    When task "C" downloads from peer "EP"
    Given the chaos seeds are gen 42 and sched "fifo"

  Scenario: a counter nobody registered
    Given an evil peer "EP" serving 10 bytes
    When task "C" downloads from peer "EP"
    Then counter "io_download_ok_X" equals 0

  Scenario: a stream error nobody knows
    Given an in-memory stream "S" holding 10 bytes
    And stream "S" fails with hiccup

  Scenario: a stream fault after its first read
    Given an in-memory stream "S" holding 10 bytes
    When task "C" reads stream "S"
    Given stream "S" flips a bit at byte 3

  Scenario: a stream nobody defined
    When task "C" reads stream "T"
