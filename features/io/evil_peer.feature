@io @evil_peer
Feature: An evil peer's write pattern never changes what a correct client receives
  The peer slices its output into odd chunks, pauses between them, holds the connection before
  closing or delays its accept. None of that may change the bytes a correct client ends up with:
  a client that reads until EOF receives the payload intact, whatever its own read pattern and
  whichever driver (socket, stream, pipe) runs underneath. Connection-level faults (refused,
  never accepted) end in the outcome that names them, with nothing received. Lower time bounds
  leave a few ms for the runtime's coarse timer tick.

  Scenario Outline: sliced and paced output arrives intact with every driver
    Given an evil peer "EP" serving <size> bytes
    And evil peer "EP" slices output into <slice>-byte chunks
    And evil peer "EP" delays <pause> ms between chunks
    And task "C" uses the <driver> driver
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals <size>
    And counter "io_download_ok_C" equals 1

    Examples:
      | size | slice | pause | driver |
      | 256  | 1     | 0     | socket |
      | 256  | 7     | 1     | stream |
      | 256  | 33    | 2     | pipe   |
      | 4096 | 100   | 1     | socket |
      | 4096 | 1000  | 3     | stream |
      | 4096 | 4096  | 0     | pipe   |

  Scenario: every read pattern receives every write pattern intact
    Given an evil peer "EP" serving 256 bytes
    Given one of:
      | evil peer "EP" slices output into 1-byte chunks       |
      | evil peer "EP" slices output into 2..9-byte chunks    |
      | evil peer "EP" slices output into 48..128-byte chunks |
    Given any of:
      | evil peer "EP" delays 1..2 ms between chunks     |
      | evil peer "EP" holds the connection for 5..20 ms |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 3..17-byte reads |
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

  Scenario: a peer that holds the connection open before its FIN still delivers everything
    Given an evil peer "EP" serving 1024 bytes
    And evil peer "EP" holds the connection for 100 ms
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least 95 ms

  Scenario Outline: a delayed accept only delays the transfer
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that delays accepting by <delay> ms
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least <min> ms

    Examples:
      | delay | min |
      | 50    | 45  |
      | 150   | 145 |

  Scenario: a refused connection is reported as refused, for downloads and uploads alike
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that refuses connections
    When one of:
      | task "C" downloads from peer "EP"           |
      | task "C" uploads 1024 bytes to peer "EP"    |
    Then the outcome of task "C" is refused
    And counter "io_recv_bytes_C" equals 0
    And counter "io_sent_bytes_C" equals 0

  Scenario: a peer that never accepts leaves the client waiting until it gives up
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that never accepts
    And task "C" gives up after 200 ms
    When one of:
      | task "C" downloads from peer "EP"           |
      | task "C" downloads from peer "EP" byte by byte |
      | task "C" uploads 1024 bytes to peer "EP"    |
    Then the outcome of task "C" is timeout
    And counter "io_recv_bytes_C" equals 0
    And the transfer of task "C" took at least 190 ms

  Scenario: an echoing peer returns every uploaded byte
    Given an evil peer "EP" echoing
    When one of:
      | task "C" uploads 4096 bytes to peer "EP"                     |
      | task "C" uploads 4096 bytes to peer "EP" in 1..100-byte writes |
    Then the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals 4096
    And counter "io_sent_bytes_C" equals 4096
    And peer "EP" read the upload of task "C" intact

  Scenario: several tasks download from one peer at the same time and all get the payload
    Given an evil peer "EP" serving 2048 bytes
    And evil peer "EP" slices output into 64-byte chunks
    And evil peer "EP" delays 1 ms between chunks
    When task "A" downloads from peer "EP"
    And task "B" downloads from peer "EP" byte by byte
    And task "C" downloads from peer "EP" in 100-byte reads
    Then task "A" received the payload of peer "EP" intact
    And task "B" received the payload of peer "EP" intact
    And task "C" received the payload of peer "EP" intact
    And counter "evil_peer_accepted_EP" equals 3
