@io @http @http_cut
Feature: An HTTP response cut mid-body, crossed with how the client asks
  The peer sends the status line, honest headers and part of a 1000-byte body, then closes (FIN),
  resets (RST) or hangs (silence). HttpClient knows from Content-Length that the body is short, so a
  FIN is eof, an RST reset and silence a timeout of the client's own; the bytes before the cut arrive
  as a clean prefix. A toxic proxy cutting the stream behaves the same way.

  # The give-up must outlast connecting and reading the headers on a loaded machine (a fresh-clone CI took 955 ms
  # to connect once), or a hang before the status line is a timeout without a status; only "hangs" waits it out.
  Scenario Outline: a cut after some body bytes ends the request as the cut does
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" cuts the body after 0..999 bytes and <ending>
    And task "C" gives up after 2000 ms
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 2 times in a row              |
      | task "C" requests "/" from peer "EP" 2 times in parallel           |
    Then the outcome of task "C" is <outcome>
    And the status of task "C" is 200
    And task "C" received a clean prefix of peer "EP"

    Examples:
      | ending | outcome |
      | closes | eof     |
      | resets | reset   |
      | hangs  | timeout |

  Scenario: a cut after exactly N body bytes delivers exactly N
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" cuts the body after 1..999 bytes and closes
    And HTTP peer "EP" waits 1..5 ms before the body
    When task "C" requests "/" from peer "EP" reading the body byte by byte
    Then the outcome of task "C" is eof
    And counter "io_recv_bytes_C" is at least 1
    And task "C" received a clean prefix of peer "EP"

  # 1000 B at 10000 B/s leave in two 500-byte pieces 50 ms apart, so a cut within 40 ms falls before the end.
  Scenario: the toxic proxy cutting the stream anywhere is eof, before or after the headers
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | the proxy of peer "EP" cuts off after 0..1050 bytes        |
      | the proxy of peer "EP" cuts the connection after 0..40 ms  |
    And HTTP peer "EP" sends its body at 10000 bytes per second
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is eof
    And task "C" received a clean prefix of peer "EP"

  Scenario: a reset from the toxic proxy anywhere is a reset
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" sends its body at 20000 bytes per second
    And the proxy of peer "EP" resets after 0..40 ms
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is reset
    And task "C" received a clean prefix of peer "EP"
