@io @toxics
Feature: Every toxic of the proxy has the effect it promises
  The peer is put behind the toxic proxy, and each toxic is checked by what a client can see:
  latency and bandwidth make a transfer take longer but keep it intact, the slicer changes
  nothing but segment sizes, limit_data delivers exactly N bytes and then a FIN, reset_peer
  ends in reset, timeout swallows the data, slow_close holds back only the FIN, limit_time cuts
  a stream that runs too long, and corrupt flips exactly the bit it was told to. A toxic with
  toxicity 0 never acts. Lower time bounds leave a few ms for the runtime's coarse timer tick.

  Scenario Outline: latency delays the transfer but keeps it intact
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" adds <latency> ms latency with <jitter> ms jitter
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least <min> ms

    Examples:
      | latency | jitter | min |
      | 30      | 0      | 25  |
      | 80      | 20     | 55  |

  Scenario Outline: bandwidth paces the transfer to the configured rate
    Given an evil peer "EP" serving <size> bytes
    And the proxy of peer "EP" throttles to <rate> KB/s
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least <min> ms
    And the transfer of task "C" took less than 3000 ms

    Examples:
      | size | rate | min |
      | 4000 | 20   | 150 |
      | 8000 | 80   | 75  |

  Scenario: the slicer changes segment sizes, never the bytes
    Given an evil peer "EP" serving 256|4096 bytes
    And the proxy of peer "EP" slices into 1..8-byte segments
    When one of:
      | task "C" downloads from peer "EP"                    |
      | task "C" downloads from peer "EP" byte by byte       |
      | task "C" downloads from peer "EP" in 3..9-byte reads |
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

  Scenario Outline: limit_data lets exactly N bytes through, then a FIN
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" cuts off after <n> bytes
    When task "C" downloads from peer "EP"
    Then task "C" received <n> bytes
    And task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof

    Examples:
      | n   |
      | 0   |
      | 1   |
      | 100 |
      | 255 |

  Scenario Outline: limit_data at or above the payload size changes nothing
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" cuts off after <n> bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

    Examples:
      | n    |
      | 256  |
      | 1000 |

  # Like Toxiproxy's, reset_peer lets an earlier end of stream through as a FIN, so the peer keeps
  # the connection open longer than the toxic waits.
  Scenario: reset_peer ends the download in reset
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" holds the connection for 200 ms
    And the proxy of peer "EP" resets after 0|20|50 ms
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

  Scenario Outline: the timeout toxic swallows the data; the client sees eof or gives up first
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" times out after <toxic> ms
    And task "C" gives up after <client> ms
    When task "C" downloads from peer "EP"
    Then task "C" received 0 bytes
    And the outcome of task "C" is <outcome>
    And the transfer of task "C" took at least <min> ms

    Examples:
      | toxic | client | outcome | min |
      | 100   | 2000   | eof     | 95  |
      | 2000  | 150    | timeout | 140 |
      | 0     | 200    | timeout | 190 |

  Scenario: slow_close holds back the FIN but not the data
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" delays the close by 150 ms
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" in 16-byte reads |
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed
    And the transfer of task "C" took at least 145 ms

  Scenario: limit_time cuts a stream that runs too long
    Given an evil peer "EP" serving 256 bytes
    # Uncut, the stream lasts 63 x 40 ms = 2.5 s: the upper bound proves the cut came long before its end
    # and still leaves a loaded machine's stalls well over a second.
    And evil peer "EP" slices output into 4-byte chunks
    And evil peer "EP" delays 40 ms between chunks
    And the proxy of peer "EP" cuts the connection after 50..120 ms
    When task "C" downloads from peer "EP"
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof
    And the transfer of task "C" took at least 45 ms
    And the transfer of task "C" took less than 2000 ms

  Scenario: limit_time does not touch a transfer that ends in time
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" cuts the connection after 2000 ms
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed

  Scenario: corrupt flips one bit of one byte and the client sees corrupt
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" flips bit 0..7 of byte 0..255
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received 256 bytes
    And the outcome of task "C" is corrupt

  Scenario Outline: a toxic's toxicity decides whether it acts at all
    Given an evil peer "EP" serving 256 bytes
    And the proxy of peer "EP" cuts off after 10 bytes
    And the proxy of peer "EP" applies toxics with toxicity <toxicity>
    When task "C" downloads from peer "EP"
    Then task "C" received <bytes> bytes
    And the outcome of task "C" is <outcome>

    Examples:
      | toxicity | bytes | outcome   |
      | 0.0      | 256   | completed |
      | 1.0      | 10    | eof       |

  Scenario: upstream latency and bandwidth slow an upload but the peer reads it intact
    Given an evil peer "EP" reading 4096 bytes at a time
    And the proxy of peer "EP" applies its toxics upstream
    Given one of:
      | the proxy of peer "EP" adds 50 ms latency  |
      | the proxy of peer "EP" throttles to 80 KB/s |
    When task "C" uploads 8000 bytes to peer "EP"
    Then peer "EP" read the upload of task "C" intact
    And the outcome of task "C" is completed
    And the transfer of task "C" took at least 45 ms

  # The proxy closes the client side with a FIN once it has forwarded N bytes; an uploader that
  # only waits for EOF may then report completed although the peer got N bytes: the byte count
  # at the peer is what proves the cut.
  Scenario Outline: upstream limit_data lets the peer read exactly N bytes of an upload
    Given an evil peer "EP" reading 4096 bytes at a time
    And the proxy of peer "EP" applies its toxics upstream
    And the proxy of peer "EP" cuts off after <n> bytes
    When task "C" uploads 8192 bytes to peer "EP" in 512-byte writes
    Then peer "EP" read <n> bytes
    And counter "io_recv_bytes_C" equals 0
    And the outcome of task "C" is one of "completed, reset"

    Examples:
      | n    |
      | 1000 |
      | 3000 |
