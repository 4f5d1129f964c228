@io @hard_reset
Feature: A peer that resets the connection is reported as reset, never as eof
  An RST is an abortive close: the peer throws away what it had not sent yet, and the client
  must report `reset`, distinct from the orderly `eof` of a FIN. What the client did receive is
  still a clean prefix of the payload, but it may be shorter than what the peer wrote, so these
  scenarios assert a clean prefix rather than exact counts — except when the peer waited long
  enough before resetting for every byte to be delivered. Uploads into a peer that resets, or
  that closes with unread bytes (which TCP turns into an RST), must fail as `reset` too and
  never hang.

  Scenario Outline: an RST after N bytes gives a clean prefix and reset
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" resets after <n> bytes
    When one of:
      | task "C" downloads from peer "EP"                    |
      | task "C" downloads from peer "EP" byte by byte       |
      | task "C" downloads from peer "EP" in 2..32-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset
    And counter "io_download_ok_C" equals 0

    Examples:
      | n   |
      | 0   |
      | 100 |
      | 255 |

  Scenario: a hard reset after the whole payload is still a reset, not a completion
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" uses a hard reset
    Given any of:
      | evil peer "EP" slices output into 8..32-byte chunks |
      | evil peer "EP" delays 1..3 ms between chunks        |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

  Scenario Outline: bytes delivered well before the RST are not lost
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" resets after <n> bytes
    And evil peer "EP" holds the connection for 150 ms
    When task "C" downloads from peer "EP"
    Then task "C" received <n> bytes
    And task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

    Examples:
      | n   |
      | 1   |
      | 200 |

  Scenario: a peer that accepts and resets at once gives reset with nothing received
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that accepts and resets at once
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received 0 bytes
    And the outcome of task "C" is reset

  Scenario Outline: an RST reads as reset through every driver
    Given an evil peer "EP" serving 512 bytes
    And evil peer "EP" slices output into 64-byte chunks
    And evil peer "EP" resets after 300 bytes
    And task "C" uses the <driver> driver
    When task "C" downloads from peer "EP"
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

    Examples:
      | driver |
      | socket |
      | stream |
      | pipe   |

  Scenario: an upload into a peer that reads everything and then resets is reported as reset
    Given an evil peer "EP" reading 4096 bytes at a time
    And evil peer "EP" uses a hard reset
    When one of:
      | task "C" uploads 8192 bytes to peer "EP"                   |
      | task "C" uploads 8192 bytes to peer "EP" in 100-byte writes |
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is reset
    And counter "io_sent_bytes_C" equals 8192

  # Closing with unread bytes makes the kernel send an RST. 16 MB is far more than the socket
  # buffers hold, so the client is still writing when it arrives and the write fails.
  Scenario Outline: an upload still being written when the peer closes with unread bytes fails as reset
    Given an evil peer "EP" reading 1000 bytes at a time
    And evil peer "EP" stops reading after <n> bytes
    And task "C" gives up after 3000 ms
    When task "C" uploads 16777216 bytes to peer "EP" in 65536-byte writes
    Then peer "EP" read <n> bytes
    And the outcome of task "C" is reset
    And the transfer of task "C" took less than 3000 ms

    Examples:
      | n     |
      | 1     |
      | 30000 |

  Scenario Outline: an upload into a peer that resets at accept fails as reset
    Given an evil peer "EP" reading 4096 bytes at a time
    And an evil peer "EP" that accepts and resets at once
    When task "C" uploads <size> bytes to peer "EP"
    Then peer "EP" read 0 bytes
    And the outcome of task "C" is reset

    Examples:
      | size   |
      | 100    |
      | 262144 |
