@io @tls @tls_io
Feature: The io scenarios over TLS, with a driver switch
  The transport faults of features/io crossed with the client logic again, with one change: the
  task reads through SslStream (`uses the tls driver`) from a peer that speaks TLS itself, or from a
  plain peer behind a proxy that terminates TLS. The promises are the same as in plain TCP: nothing
  that cannot truncate may lose a byte; a FIN leaves a clean prefix and eof, an RST a clean prefix
  and reset, a killer a clean prefix and cancelled. Toxics on a TLS peer's proxy cut TLS records,
  and a record cut short is still eof to the client.

  @chaos-max:8
  Scenario Outline: transports that cannot truncate deliver all 256 bytes over TLS to every kind of reader
    Given an evil peer "EP" serving 256 bytes
    And <tls>
    And task "C" uses the tls driver
    Given any of:
      | evil peer "EP" slices output into 4..32-byte chunks    |
      | evil peer "EP" delays 1..3 ms between chunks           |
      | the proxy of peer "EP" adds 5..15 ms latency           |
      | the proxy of peer "EP" slices into 1..16-byte segments |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals 256

    Examples:
      | tls                                                  |
      | evil peer "EP" speaks TLS                            |
      | the proxy of peer "EP" speaks TLS to its clients     |

  Scenario Outline: a FIN anywhere in the stream leaves a clean prefix and eof over TLS
    Given an evil peer "EP" serving 256 bytes
    And <tls>
    And task "C" uses the tls driver
    Given one of:
      | evil peer "EP" closes after 0..255 bytes           |
      | the proxy of peer "EP" cuts off after 0..255 bytes |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof
    And counter "io_download_ok_C" equals 0

    Examples:
      | tls                                              |
      | evil peer "EP" speaks TLS                        |
      | the proxy of peer "EP" speaks TLS to its clients |

  Scenario Outline: an RST anywhere in the stream leaves a clean prefix and reset over TLS
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" holds the connection for 100 ms
    And <tls>
    And task "C" uses the tls driver
    Given one of:
      | evil peer "EP" resets after 0..255 bytes     |
      | the proxy of peer "EP" resets after 0..10 ms |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

    Examples:
      | tls                                              |
      | evil peer "EP" speaks TLS                        |
      | the proxy of peer "EP" speaks TLS to its clients |

  Scenario: a killer cancels a slow TLS download at a fuzzed moment
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" slices output into 8-byte chunks
    And evil peer "EP" delays 10 ms between chunks
    And task "C" uses the tls driver
    Given one of:
      | evil peer "EP" speaks TLS                        |
      | the proxy of peer "EP" speaks TLS to its clients |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    And task "K" sleeps 5..150 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled
    And task "C" received a clean prefix of peer "EP"
    And no orphan tasks
    And no sockets leaked

  Scenario: an upload over TLS reaches a reading peer intact
    Given an evil peer "EP" reading 1000 bytes at a time
    And task "C" uses the tls driver
    And evil peer "EP" speaks TLS
    Given one of:
      | evil peer "EP" delays 5 ms between reads |
      | evil peer "EP" runs as a forked peer     |
    When one of:
      | task "C" uploads 65536 bytes to peer "EP"                     |
      | task "C" uploads 65536 bytes to peer "EP" in 500-byte writes |
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed
