@io @combined_chaos
Feature: Transport faults crossed with client logic on a fixed 256-byte payload
  Each scenario crosses a block of transport faults (Given) with a block of client logic (When);
  the runner expands the cross product and keeps a stable sample. The payload is always 256
  bytes so the right answer is known: combinations that cannot truncate must deliver the
  payload intact; combinations that truncate must leave a clean prefix and end in the outcome
  their kind of cut allows (FIN -> eof, RST -> reset, silence -> timeout).

  @chaos-max:24
  Scenario: transports that cannot truncate deliver all 256 bytes to every kind of reader
    Given an evil peer "EP" serving 256 bytes
    Given any of:
      | evil peer "EP" slices output into 4..32-byte chunks   |
      | evil peer "EP" delays 1..3 ms between chunks          |
      | evil peer "EP" holds the connection for 5..30 ms      |
      | the proxy of peer "EP" adds 5..15 ms latency          |
      | the proxy of peer "EP" slices into 1..16-byte segments |
      | the proxy of peer "EP" delays the close by 10..30 ms  |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    When any of:
      | task "S" sleeps 1..20 ms |
    Then task "C" received the payload of peer "EP" intact
    And the outcome of task "C" is completed
    And counter "io_recv_bytes_C" equals 256

  Scenario: a FIN anywhere in the stream leaves a clean prefix and eof
    Given an evil peer "EP" serving 256 bytes
    Given one of:
      | evil peer "EP" closes after 0..255 bytes          |
      | the proxy of peer "EP" cuts off after 0..255 bytes |
    Given any of:
      | evil peer "EP" slices output into 4..32-byte chunks    |
      | evil peer "EP" delays 1..3 ms between chunks           |
      | the proxy of peer "EP" adds 5..15 ms latency           |
      | the proxy of peer "EP" slices into 1..16-byte segments |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof
    And counter "io_download_ok_C" equals 0

  # The peer holds 100 ms before its RST so that the proxy's reset_peer (0..10 ms) fires first.
  Scenario: an RST anywhere in the stream leaves a clean prefix and reset
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" holds the connection for 100 ms
    Given one of:
      | evil peer "EP" resets after 0..255 bytes  |
      | evil peer "EP" uses a hard reset          |
      | the proxy of peer "EP" resets after 0..10 ms |
    Given any of:
      | evil peer "EP" slices output into 4..32-byte chunks |
      | evil peer "EP" delays 1..3 ms between chunks        |
      | the proxy of peer "EP" adds 5..15 ms latency        |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is reset

  Scenario: a stream cut or silenced in time leaves a clean prefix and eof or timeout
    Given an evil peer "EP" serving 256 bytes
    And evil peer "EP" slices output into 16-byte chunks
    And evil peer "EP" delays 10 ms between chunks
    And task "C" gives up after 250 ms
    Given one of:
      | the proxy of peer "EP" cuts the connection after 20..60 ms |
      | the proxy of peer "EP" times out after 50..400 ms          |
      | evil peer "EP" goes half-open after 0..255 bytes           |
    When one of:
      | task "C" downloads from peer "EP"                    |
      | task "C" downloads from peer "EP" byte by byte       |
      | task "C" downloads from peer "EP" in 5..50-byte reads |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is one of "eof, timeout"

  Scenario: two concurrent readers both get the payload through any non-truncating transport
    Given an evil peer "EP" serving 256 bytes
    Given one of:
      | evil peer "EP" slices output into 1..16-byte chunks    |
      | evil peer "EP" delays 1..3 ms between chunks           |
      | the proxy of peer "EP" adds 5..15 ms latency           |
      | the proxy of peer "EP" slices into 1..16-byte segments |
    When one of:
      | task "C" downloads from peer "EP"                     |
      | task "C" downloads from peer "EP" byte by byte        |
      | task "C" downloads from peer "EP" in 2..64-byte reads |
    And task "D" downloads from peer "EP" byte by byte
    Then task "C" received the payload of peer "EP" intact
    And task "D" received the payload of peer "EP" intact
    And counter "evil_peer_accepted_EP" equals 2
