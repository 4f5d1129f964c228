@io @http @cancel
Feature: A killer task cancels an HTTP request mid-body
  Task "K" sleeps a fuzzed time and cancels task "C" while its request is in flight: in the TLS
  handshake, waiting for the status line, reading a slow body, or streaming an endless one. C must
  end as cancelled with a clean prefix of the body, and its HttpClient must leave no socket behind.
  (Where the cancel lands depends on the machine's load, so the scenarios promise nothing about the
  status or how much arrived.)

  # The body lasts 5 s at 4000 bytes per second, against a killer that wakes within 200 ms: a loaded machine's
  # stall holds both back, and the killer must still come before the body's end.
  Scenario: a cancel mid-body ends the request as cancelled with a clean prefix
    Given an HTTP peer "EP" answering 200 with 20000 bytes
    Given one of:
      | HTTP peer "EP" sends its body at 4000 bytes per second  |
      | HTTP peer "EP" waits 1000 ms before the body            |
      | HTTP peer "EP" waits 1000 ms before the status line     |
      | HTTP peer "EP" sends its body in 100-byte chunks        |
    And HTTP peer "EP" sends its body at 4000 bytes per second
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 3 times in a row              |
      | task "C" requests "/" from peer "EP" 2 times in parallel           |
    And task "K" sleeps 20..200 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received a clean prefix of peer "EP"
    And no orphan tasks
    And no sockets leaked

  # Paced: an unpaced endless body keeps HttpClient's buffer full, so every read completes at once and a
  # reader on the scenario's single-lane scheduler never yields to the killer before its own timeout.
  Scenario: a cancel stops an endless body
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" sends an endless body
    And HTTP peer "EP" sends its body at 100000 bytes per second
    Given any of:
      | evil peer "EP" speaks TLS                                  |
      | the proxy of peer "EP" slices into 100..1000-byte segments |
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    And task "K" sleeps 50..300 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And no orphan tasks
    And no sockets leaked
