@io @http @large_body
Feature: A large HTTP body through a misbehaving network
  A 4 MiB body, downloaded whole through timing and segmentation faults, or cut somewhere in the
  middle. Large enough that the body spans many reads and socket buffers, so flow control between
  peer, proxy and HttpClient is exercised.

  Scenario: a large body arrives intact through faults that cannot truncate
    Given an HTTP peer "EP" answering 200 with 4194304 bytes
    Given one of:
      | HTTP peer "EP" sends its body in 65536..1048576-byte chunks |
      | the proxy of peer "EP" slices into 1000..16000-byte segments |
      | the proxy of peer "EP" adds 5..20 ms latency                |
      | the proxy of peer "EP" throttles to 40000 KB/s              |
      | evil peer "EP" speaks TLS                                   |
    When one of:
      | task "C" requests "/" from peer "EP"                    |
      | task "C" requests "/" from peer "EP" 2 times in parallel |
    Then the outcome of task "C" is completed
    And task "C" received the payload of peer "EP" intact

  Scenario Outline: the io download step gets the large body through the HTTP drivers too
    Given an HTTP peer "EP" answering 200 with 4194304 bytes
    And <tls>
    And task "C" uses the <driver> driver
    When one of:
      | task "C" downloads from peer "EP"                   |
      | task "C" downloads from peer "EP" in 1000-byte reads |
    Then the outcome of task "C" is completed
    And task "C" received the payload of peer "EP" intact

    Examples:
      | driver | tls                                        |
      | http   | the proxy of peer "EP" adds 1 ms latency   |
      | https  | evil peer "EP" speaks TLS                  |

  Scenario: a large body cut by a FIN keeps every byte sent before it
    Given an HTTP peer "EP" answering 200 with 4194304 bytes
    And HTTP peer "EP" cuts the body after 1000000..4000000 bytes and closes
    When one of:
      | task "C" requests "/" from peer "EP"                  |
      | task "C" requests "/" from peer "EP" 2 times in a row |
    Then the outcome of task "C" is eof
    And task "C" received a clean prefix of peer "EP"
    And counter "io_recv_bytes_C" is at least 1000000

  # An RST makes the client's kernel drop what it had received but not yet handed over, so only a
  # clean prefix is promised: runs saw 128 KB of a 1 MB+ prefix arrive.
  Scenario: a large body cut by a reset keeps a clean prefix and is a reset
    Given an HTTP peer "EP" answering 200 with 4194304 bytes
    And HTTP peer "EP" cuts the body after 1000000..4000000 bytes and resets
    When one of:
      | task "C" requests "/" from peer "EP"                  |
      | task "C" requests "/" from peer "EP" 2 times in a row |
    Then the outcome of task "C" is reset
    And task "C" received a clean prefix of peer "EP"
