@io @cancel
Feature: A killer task can cancel a transfer at any moment and nothing leaks
  A second task "K" sleeps a fuzzed time and then cancels task "C" while C is in the middle of
  its I/O: connecting, reading, blocked in a write, or waiting for the peer to close. Whatever
  the moment, C must end promptly as `cancelled`, keep only a clean prefix of what it was
  reading, and leave no task and no socket behind. Cancelling a transfer that already finished
  must change nothing.

  Scenario Outline: a killer cancels a slow download at a fuzzed moment
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" slices output into 8-byte chunks
    And evil peer "EP" delays 10 ms between chunks
    And task "C" uses the <driver> driver
    When one of:
      | task "C" downloads from peer "EP"                   |
      | task "C" downloads from peer "EP" byte by byte      |
      | task "C" downloads from peer "EP" in 3..7-byte reads |
    And task "K" sleeps 5..150 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received a clean prefix of peer "EP"
    And counter "io_download_cancelled_C" equals 1
    And no orphan tasks
    And no sockets leaked

    Examples:
      | driver |
      | socket |
      | stream |
      | pipe   |

  Scenario: a killer cancels an upload that waits for a slow reader
    Given an evil peer "EP" reading 1000 bytes at a time
    And evil peer "EP" delays 5 ms between reads
    When one of:
      | task "C" uploads 65536 bytes to peer "EP"                 |
      | task "C" uploads 65536 bytes to peer "EP" in 500-byte writes |
    And task "K" sleeps 10..150 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And counter "io_upload_cancelled_C" equals 1
    And no orphan tasks
    And no sockets leaked

  Scenario Outline: a killer cancels a writer blocked on a peer that never reads
    Given an evil peer "EP" that never reads
    When task "C" uploads 16777216 bytes to peer "EP" in 65536-byte writes
    And task "K" sleeps <sleep> ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And peer "EP" read 0 bytes
    And no orphan tasks
    And no sockets leaked

    Examples:
      | sleep  |
      | 50..100 |
      | 200    |

  Scenario: a killer cancels a download stuck on a silent peer
    Given an evil peer "EP" serving 256 bytes
    Given one of:
      | evil peer "EP" goes half-open after 0..200 bytes |
      | an evil peer "EP" that never accepts             |
      | an evil peer "EP" that delays accepting by 2000 ms |
    When task "C" downloads from peer "EP"
    And task "K" sleeps 20..80 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received a clean prefix of peer "EP"
    And no sockets leaked

  Scenario: a killer that strikes before the peer has even accepted still cancels cleanly
    Given an evil peer "EP" serving 256 bytes
    And an evil peer "EP" that delays accepting by 100 ms
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    And task "K" sleeps 0..3 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received 0 bytes
    And no orphan tasks
    And no sockets leaked

  Scenario: cancelling one of two concurrent downloads leaves the other intact
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" slices output into 16-byte chunks
    And evil peer "EP" delays 10 ms between chunks
    When task "C" downloads from peer "EP"
    And task "D" downloads from peer "EP" byte by byte
    And task "K" sleeps 20..100 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And task "C" received a clean prefix of peer "EP"
    And task "D" received the payload of peer "EP" intact
    And the outcome of task "D" is completed
    And no orphan tasks

  Scenario: cancelling a transfer that already finished changes nothing
    Given an evil peer "EP" serving 256 bytes
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    And task "K" sleeps 300 ms
    And task "K" cancels task "C"
    Then task "C" is completed
    And task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed
    And counter "io_download_ok_C" equals 1
    And counter "io_download_cancelled_C" equals 0
