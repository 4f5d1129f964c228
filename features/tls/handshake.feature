@io @tls @tls_handshake
Feature: A TLS handshake that stops halfway, crossed with the client and how it asks
  The peer, or the TLS listener of its proxy, reads the client's ClientHello and answers nothing, or
  sends its ServerHello and nothing after it; then it closes (FIN), resets (RST) or hangs. The client
  never completes its handshake: a FIN is eof, an RST reset and silence the client's own timeout,
  whether it is SslStream (the tls driver) or HttpClient over https. Nothing of the body arrives.

  # A FIN or an RST ends the handshake at once; the give-up time matters only for a peer that hangs
  # (the first TLS client of a process can take hundreds of ms on a loaded machine).
  Scenario Outline: an HTTPS request whose handshake stops ends as the stop does
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And task "C" gives up after <patience> ms
    Given one of:
      | evil peer "EP" stops the TLS handshake after the ClientHello and <ending>            |
      | evil peer "EP" stops the TLS handshake after the ServerHello and <ending>            |
      | the proxy of peer "EP" stops the TLS handshake after the ClientHello and <ending>    |
      | the proxy of peer "EP" stops the TLS handshake after the ServerHello and <ending>    |
    When one of:
      | task "C" requests "/" from peer "EP"                     |
      | task "C" requests "/" from peer "EP" 2 times in parallel |
    Then the outcome of task "C" is <outcome>
    And task "C" received 0 bytes

    Examples:
      | ending | outcome | patience |
      | closes | eof     | 5000     |
      | resets | reset   | 5000     |
      | hangs  | timeout | 300      |

  Scenario Outline: an SslStream download whose handshake stops ends as the stop does
    Given an evil peer "EP" serving 1000 bytes
    And task "C" uses the tls driver
    And task "C" gives up after <patience> ms
    Given one of:
      | evil peer "EP" stops the TLS handshake after the <message> and <ending>         |
      | the proxy of peer "EP" stops the TLS handshake after the <message> and <ending> |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is <outcome>
    And task "C" received 0 bytes

    Examples:
      | message     | ending | outcome | patience |
      | ClientHello | closes | eof     | 5000     |
      | ServerHello | resets | reset   | 5000     |
      | ServerHello | hangs  | timeout | 300      |

  Scenario: a slow handshake only makes the transfer late
    Given an evil peer "EP" serving 1000 bytes
    And task "C" uses the tls driver
    Given one of:
      | evil peer "EP" takes 100..150 ms per TLS handshake flight         |
      | the proxy of peer "EP" takes 100..150 ms per TLS handshake flight |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is completed
    And task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least 95 ms

  Scenario: a handshake slower than the client's patience is a timeout before any byte
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And task "C" gives up after 150 ms
    Given one of:
      | evil peer "EP" takes 400 ms per TLS handshake flight         |
      | the proxy of peer "EP" takes 400 ms per TLS handshake flight |
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is timeout
    And task "C" received 0 bytes
