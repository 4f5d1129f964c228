@io @abrupt_close
Feature: A peer that closes early with a FIN gives a clean prefix and eof
  A FIN after N bytes is an orderly close: TCP delivers every byte sent before it, so the client
  must end with exactly those N bytes, in order, and the outcome eof (the peer closed before the
  whole payload), never completed, never reset. A peer that stops talking without closing
  (half-open) is not a close at all: the client only gets out by giving up.

  Scenario Outline: a FIN after N bytes gives exactly N bytes and eof
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" closes after <n> bytes
    When task "C" downloads from peer "EP"
    Then task "C" received a clean prefix of peer "EP"
    And task "C" received <n> bytes
    And the outcome of task "C" is eof
    And counter "io_download_ok_C" equals 0

    Examples:
      | n   |
      | 0   |
      | 1   |
      | 128 |
      | 255 |

  Scenario: a FIN that comes after the whole payload is a normal completion
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" closes after 256 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

  Scenario: an early FIN is seen the same way by every read pattern and write pattern
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" closes after 100 bytes
    Given any of:
      | evil peer "EP" slices output into 1..16-byte chunks |
      | evil peer "EP" delays 1..3 ms between chunks        |
      | evil peer "EP" holds the connection for 10..30 ms   |
    When one of:
      | task "C" downloads from peer "EP"                    |
      | task "C" downloads from peer "EP" byte by byte       |
      | task "C" downloads from peer "EP" in 3..50-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And task "C" received 100 bytes
    And the outcome of task "C" is eof

  Scenario Outline: an early FIN reads the same through every driver
    Given an evil peer "EP" serving 512 bytes
    And evil peer "EP" slices output into 50-byte chunks
    And evil peer "EP" closes after 300 bytes
    And task "C" uses the <driver> driver
    When task "C" downloads from peer "EP"
    Then task "C" received 300 bytes
    And the outcome of task "C" is eof

    Examples:
      | driver |
      | socket |
      | stream |
      | pipe   |

  Scenario: a peer that accepts and closes at once gives eof with nothing received
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that accepts and closes at once
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received 0 bytes
    And the outcome of task "C" is eof

  Scenario Outline: a half-open peer stops mid-stream and the client gets out only by giving up
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" goes half-open after <n> bytes
    And task "C" gives up after 150..300 ms
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received a clean prefix of peer "EP"
    And task "C" received <n> bytes
    And the outcome of task "C" is timeout
    And the transfer of task "C" took at least 145 ms

    Examples:
      | n   |
      | 0   |
      | 200 |

  Scenario: a FIN in the middle of a slow stream ends the download early
    Given an evil peer "EP" serving 1024 bytes
    And evil peer "EP" slices output into 64-byte chunks
    And evil peer "EP" delays 5 ms between chunks
    And evil peer "EP" closes after 64|320|640 bytes
    When task "C" downloads from peer "EP" in 10-byte reads
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof
