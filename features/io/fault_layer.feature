@io @fault_layer
Feature: In-memory stream faults crossed with read styles, no sockets
  Layer 1 of the strategy: the logic-axis faults of the in-process fault layer wrapped around a
  256-byte in-memory stream, read to the end like a download and classified by the same rules,
  so each outcome means what it means for a socket: an IOException is error, a connection reset
  is reset, a hang is timeout, different bytes at full length are corrupt. Each case runs in
  microseconds. A fault that cannot bite before the end of the stream must change nothing.

  Scenario: faults that never bite before the end deliver the whole stream to every reader
    Given an in-memory stream "S" holding 256 bytes
    Given one of:
      | stream "S" returns at most 1..64 bytes per read |
      | stream "S" fails after 257..1000 bytes           |
      | stream "S" flips a bit at byte 256..999          |
    When one of:
      | task "C" reads stream "S"                     |
      | task "C" reads stream "S" in 1-byte reads     |
      | task "C" reads stream "S" in 2..64-byte reads |
    Then task "C" received the content of stream "S" intact
    And the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals 256

  # Failing one operation in every 2 always bites: even an 8192-byte reader makes a second read to see the end.
  Scenario: an I/O failure anywhere leaves a clean prefix and error, however short the reads
    Given an in-memory stream "S" holding 256 bytes
    Given one of:
      | stream "S" fails after 0..255 bytes          |
      | stream "S" fails one operation in every 2    |
      | stream "S" fails with io                     |
    Given any of:
      | stream "S" returns at most 1..16 bytes per read |
    When one of:
      | task "C" reads stream "S"                     |
      | task "C" reads stream "S" in 1-byte reads     |
      | task "C" reads stream "S" in 2..64-byte reads |
    Then task "C" received a clean prefix of stream "S"
    And the outcome of task "C" is error
    And counter "io_download_failed_C" equals 1

  Scenario: a connection error from the stream is a reset
    Given an in-memory stream "S" holding 256 bytes
    Given one of:
      | stream "S" fails with connectionreset   |
      | stream "S" fails with connectionaborted |
      | stream "S" fails with brokenpipe        |
    When one of:
      | task "C" reads stream "S"                 |
      | task "C" reads stream "S" in 1-byte reads |
    Then the outcome of task "C" is reset
    And task "C" received 0 bytes

  Scenario: a stream that hangs or says it timed out is a timeout
    Given an in-memory stream "S" holding 256 bytes
    Given one of:
      | stream "S" times out after 5..30 ms |
      | stream "S" fails with timedout      |
    When one of:
      | task "C" reads stream "S"                     |
      | task "C" reads stream "S" in 1-byte reads     |
      | task "C" reads stream "S" in 2..64-byte reads |
    Then the outcome of task "C" is timeout
    And task "C" received 0 bytes
    And the transfer of task "C" took less than 2000 ms

  Scenario: a flipped bit anywhere is corrupt at full length
    Given an in-memory stream "S" holding 256 bytes
    And stream "S" flips a bit at byte 0..255
    Given any of:
      | stream "S" returns at most 1..64 bytes per read |
    When one of:
      | task "C" reads stream "S"                     |
      | task "C" reads stream "S" in 1-byte reads     |
      | task "C" reads stream "S" in 2..64-byte reads |
    Then the outcome of task "C" is corrupt
    And task "C" received 256 bytes
    And counter "io_download_failed_C" equals 1

  Scenario: a killer cancels a read of a stream that hangs, and nothing is left behind
    Given an in-memory stream "S" holding 256 bytes
    And stream "S" times out after 60000 ms
    When one of:
      | task "C" reads stream "S"                     |
      | task "C" reads stream "S" in 2..64-byte reads |
    And task "K" sleeps 1..30 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received 0 bytes
    And the transfer of task "C" took less than 2000 ms
    And no orphan tasks
