@io @tls @tls_record
Feature: TLS records cut, reset or renegotiated after the handshake, crossed with how the client reads
  The handshake completes; then the peer (or its proxy's TLS listener) sends half of its first
  record and closes, resets or hangs; resets right away; renegotiates (TLS 1.2) before its first
  byte; or ends with or without close_notify. SslStream cannot decrypt half a record, so nothing
  arrives; a FIN in a record is eof, an RST reset. A FIN at a record boundary reads as a clean end
  whether close_notify came first or not: SslStream does not report that truncation.

  Scenario Outline: half a record after the handshake ends the download as the cut does
    Given an evil peer "EP" serving 1000 bytes
    And task "C" uses the tls driver
    And task "C" gives up after <patience> ms
    Given one of:
      | evil peer "EP" cuts its first TLS record in half and <ending>         |
      | the proxy of peer "EP" cuts its first TLS record in half and <ending> |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    Then the outcome of task "C" is <outcome>
    And task "C" received 0 bytes

    Examples:
      | ending | outcome | patience |
      | closes | eof     | 5000     |
      | resets | reset   | 5000     |
      | hangs  | timeout | 300      |

  Scenario: half a record under an HTTPS response is eof before the status line
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | evil peer "EP" cuts its first TLS record in half and closes         |
      | the proxy of peer "EP" cuts its first TLS record in half and closes |
    When one of:
      | task "C" requests "/" from peer "EP"                     |
      | task "C" requests "/" from peer "EP" 2 times in parallel |
    Then the outcome of task "C" is eof
    And task "C" received 0 bytes

  Scenario: a reset right after the handshake is a reset for every client
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | evil peer "EP" resets right after the TLS handshake         |
      | the proxy of peer "EP" resets right after the TLS handshake |
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 2 times in a row              |
    Then the outcome of task "C" is reset
    And task "C" received 0 bytes

  Scenario: a TLS 1.2 renegotiation before the first byte is followed transparently
    Given an evil peer "EP" serving 1000 bytes
    And task "C" uses the tls driver
    Given one of:
      | evil peer "EP" renegotiates TLS before its first byte         |
      | the proxy of peer "EP" renegotiates TLS before its first byte |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is completed
    And task "C" received the payload of peer "EP" intact

  Scenario Outline: a close after N bytes is eof with exactly N, with or without close_notify
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" speaks TLS
    And evil peer "EP" closes after <bytes> bytes
    And task "C" uses the tls driver
    Given any of:
      | evil peer "EP" ends TLS without close_notify     |
      | evil peer "EP" slices output into 7..100-byte chunks |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is eof
    And task "C" received <bytes> bytes
    And task "C" received a clean prefix of peer "EP"

    Examples:
      | bytes |
      | 1     |
      | 500   |
      | 999   |
