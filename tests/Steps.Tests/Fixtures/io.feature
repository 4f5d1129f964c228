@io
Feature: io fixtures that pass

  Scenario: trivial download
    Given an evil peer "EP" serving 256 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact

  Scenario: counters after a download
    Given an evil peer "EP" serving 256 bytes
    When task "C" downloads from peer "EP"
    Then the outcome of task "C" is completed
    And counter "io_download_ok_C" equals 1
    And counter "io_recv_bytes_C" is at least 256
    And counter "evil_peer_served_EP" equals 256
    And counter "evil_peer_accepted_EP" equals 1
    And task "C" is completed

  Scenario: a truncating peer gives a clean prefix
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" slices output into 33-byte chunks
    And evil peer "EP" closes after 100 bytes
    When task "C" downloads from peer "EP" byte by byte
    Then task "C" received a clean prefix of peer "EP"
    And task "C" received 100 bytes
    And the outcome of task "C" is eof

  Scenario: a hard reset after some bytes
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" resets after 100 bytes
    When task "C" downloads from peer "EP" in 7-byte reads
    Then the outcome of task "C" is one of "reset, eof"
    And task "C" received a clean prefix of peer "EP"

  Scenario: a killer cancels a download from a half-open peer
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" goes half-open after 100 bytes
    When task "C" downloads from peer "EP"
    And task "K" sleeps 50 ms
    And task "K" cancels task "C"
    Then the outcome of task "C" is cancelled
    And task "C" was cancelled
    And task "C" is completed
    And task "C" received a clean prefix of peer "EP"
    And counter "io_download_cancelled_C" equals 1
    And no orphan tasks

  Scenario: a never-reading peer stalls an upload
    Given an evil peer "EP" that never reads
    And task "C" gives up after 300 ms
    When task "C" uploads 8000000 bytes to peer "EP"
    Then the upload of task "C" stalled
    And the outcome of task "C" is timeout
    And peer "EP" read 0 bytes

  Scenario: a slow reader gets the upload intact
    Given an evil peer "EP" reading 100 bytes at a time
    And task "C" uses the stream driver
    When task "C" uploads 5000 bytes to peer "EP" in 333-byte writes
    Then peer "EP" read the upload of task "C" intact
    And peer "EP" read 5000 bytes
    And the outcome of task "C" is completed

  Scenario: an echo peer
    Given an evil peer "EP" echoing
    When task "C" uploads 3000 bytes to peer "EP"
    Then the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals 3000

  Scenario: a proxy cuts the download off
    Given an evil peer "EP" serving 1000 bytes
    And the proxy of peer "EP" slices into 10-byte segments
    And the proxy of peer "EP" cuts off after 300 bytes
    And task "C" uses the pipe driver
    When task "C" downloads from peer "EP"
    Then task "C" received 300 bytes
    And task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof

  Scenario: a proxy flips a bit
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" flips bit 0 of byte 10
    When task "C" downloads from peer "EP"
    Then the outcome of task "C" is corrupt

  Scenario: latency through the proxy
    Given an evil peer "EP" serving 100 bytes
    And the proxy of peer "EP" adds 50 ms latency
    When task "C" downloads from peer "EP"
    Then the transfer of task "C" took at least 50 ms
    And the transfer of task "C" took less than 5000 ms
    And task "C" received the payload of peer "EP" intact

  Scenario: a refusing peer
    Given an evil peer "EP" that refuses connections
    When task "C" downloads from peer "EP"
    Then the outcome of task "C" is refused

  Scenario: a forked peer
    Given an evil peer "EP" serving 512 bytes
    And evil peer "EP" runs as a forked peer
    And evil peer "EP" slices output into 100-byte chunks
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And counter "evil_peer_accepted_EP" equals 1

  Scenario: pinned seeds with two concurrent tasks
    Given the chaos seeds are gen 42 and sched "random:7"
    And an evil peer "EP" serving 64 bytes
    When task "C" downloads from peer "EP"
    And task "D" downloads from peer "EP" byte by byte
    Then task "C" received the payload of peer "EP" intact
    And task "D" received the payload of peer "EP" intact
    And no sockets leaked

  Scenario: stacked stream faults with a download's counters
    Given an in-memory stream "S" holding 300 bytes
    And stream "S" returns at most 5 bytes per read
    And stream "S" fails after 120 bytes
    When task "C" reads stream "S" in 64-byte reads
    Then task "C" received a clean prefix of stream "S"
    And task "C" received 120 bytes
    And the outcome of task "C" is error
    And counter "io_download_failed_C" equals 1
    And counter "io_recv_bytes_C" equals 120

  Scenario: each read of a stream meets its faults from byte 0
    Given an in-memory stream "S" holding 64 bytes
    And stream "S" fails with ConnectionReset
    When task "C" reads stream "S"
    And task "D" reads stream "S" in 1-byte reads
    Then the outcome of task "C" is reset
    And the outcome of task "D" is reset
    And task "D" received 0 bytes

  Scenario: a killer cancels a read of a hanging stream
    Given an in-memory stream "S" holding 64 bytes
    And stream "S" times out after 5000 ms
    When task "C" reads stream "S"
    And task "K" sleeps 20 ms
    And task "K" cancels task "C"
    Then the outcome of task "C" is cancelled
    And the transfer of task "C" took less than 2000 ms
    And no orphan tasks
