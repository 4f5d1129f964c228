@io @backpressure
Feature: An upload waits when the peer does not read, and resumes when it does
  TCP flow control: bytes the peer does not read pile up in its receive buffer, then in the
  client's send buffer, and then the client's writes block. On loopback the two buffers absorb a
  few MB (measured: about 4 MB on the CI kernel), so a small upload to a never-reading peer is
  written at once, while a 16 MB one stalls. A stalled writer must stay cancellable (its give-up
  timer fires), and it must resume — and deliver every byte — as soon as the peer reads again.
  A slow reader makes the upload slow, never wrong. Lower time bounds leave a few ms for the
  runtime's coarse timer tick (a 200 ms give-up timer can fire at 197.5 ms by the stopwatch).

  # The give-up timer covers connecting too: 2 s leaves room for the first write on a loaded CI
  # machine (with 500 ms a full parallel run once saw the timer fire before any byte was sent).
  Scenario Outline: a large upload to a peer that never reads stalls until the client gives up
    Given an evil peer "EP" that never reads
    And task "C" gives up after 2000 ms
    When task "C" uploads 16777216 bytes to peer "EP" in <write>-byte writes
    Then the upload of task "C" stalled
    And the outcome of task "C" is timeout
    And peer "EP" read 0 bytes
    And counter "io_sent_bytes_C" is at least <write>

    Examples:
      | write |
      | 8192  |
      | 65536 |

  # When its hold ends the peer sends a FIN and then, because bytes are unread, an RST. The
  # client finished writing long before, so it may see the FIN first and report completed: only
  # the peer's byte count shows that nothing was read.
  Scenario: a small upload to a peer that never reads is written at once, though nothing is read
    Given an evil peer "EP" that never reads
    And evil peer "EP" holds the connection for 100 ms
    When one of:
      | task "C" uploads 1024 bytes to peer "EP"                  |
      | task "C" uploads 1024 bytes to peer "EP" in 1..64-byte writes |
    Then counter "io_sent_bytes_C" equals 1024
    And peer "EP" read 0 bytes
    And the outcome of task "C" is one of "completed, reset"
    And the transfer of task "C" took at least 95 ms

  Scenario Outline: a slow reader makes the upload slow but every byte arrives
    Given an evil peer "EP" reading <read> bytes at a time
    And evil peer "EP" delays <pause> ms between reads
    When task "C" uploads <size> bytes to peer "EP"
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed
    And the transfer of task "C" took at least <min> ms

    Examples:
      | read | pause | size   | min |
      | 8192 | 5     | 262144 | 150 |
      | 1000 | 2     | 65536  | 120 |
      | 4096 | 20    | 40960  | 170 |

  Scenario: any write size meets any read pattern and the peer reads the upload intact
    Given an evil peer "EP" reading 1000|4096|65536 bytes at a time
    Given any of:
      | evil peer "EP" delays 1..3 ms between reads       |
      | evil peer "EP" holds the connection for 10..30 ms |
    When one of:
      | task "C" uploads 65536 bytes to peer "EP"                        |
      | task "C" uploads 65536 bytes to peer "EP" in 100..1000-byte writes |
      | task "C" uploads 65536 bytes to peer "EP" in 16384-byte writes   |
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed
    And counter "io_sent_bytes_C" equals 65536

  # 16 MB is far more than the ~4 MB the socket buffers absorb, so the writes must block while
  # the peer is not yet reading; the upload completing intact proves they resumed.
  Scenario: writes resume when a peer that was not reading starts reading
    Given an evil peer "EP" reading 65536 bytes at a time
    And an evil peer "EP" that delays accepting by 300 ms
    When task "C" uploads 16777216 bytes to peer "EP" in 65536-byte writes
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed
    And the transfer of task "C" took at least 290 ms

  Scenario: a peer that stops reading mid-upload blocks the writer until its close resets it
    Given an evil peer "EP" reading 65536 bytes at a time
    And evil peer "EP" stops reading after 1048576 bytes
    And evil peer "EP" holds the connection for 400 ms
    When task "C" uploads 16777216 bytes to peer "EP" in 65536-byte writes
    Then peer "EP" read 1048576 bytes
    And the outcome of task "C" is reset
    And the transfer of task "C" took at least 390 ms

  Scenario: two uploads to two slow readers progress side by side
    Given an evil peer "P1" reading 4096 bytes at a time
    And evil peer "P1" delays 2 ms between reads
    And an evil peer "P2" reading 1000 bytes at a time
    And evil peer "P2" delays 1 ms between reads
    When task "A" uploads 65536 bytes to peer "P1"
    And task "B" uploads 32768 bytes to peer "P2" in 333-byte writes
    Then peer "P1" read the upload of task "A" intact
    And peer "P2" read the upload of task "B" intact
    And the outcome of task "A" is completed
    And the outcome of task "B" is completed
